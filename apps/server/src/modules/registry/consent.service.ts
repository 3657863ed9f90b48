// Consent (SPEC §3): recorded per person, withdrawn from a date, checked before sharing or referring.
import { newId, type Consent, type ConsentInput, type ConsentKind, type ConsentWithdrawal } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { Conflict, Invalid, NotFound } from '../../platform/errors';
import { findPersonRow } from './people.repo';
import { todayUtc } from './people.validate';

/**
 * Tells whether a person holds an unwithdrawn consent of this kind; for `data_sharing`, with the
 * named organisation. Merged records carry their consents to the survivor, so this reads the survivor.
 */
export async function hasActiveConsent(db: Db | Tx, personId: string, kind: ConsentKind, organisationId?: string): Promise<boolean> {
  let q = db.selectFrom('consents').select('id').where('personId', '=', personId).where('kind', '=', kind).where('withdrawnOn', 'is', null);
  if (kind === 'data_sharing') {
    if (!organisationId) return false;
    q = q.where('organisationId', '=', organisationId);
  }
  return (await q.executeTakeFirst()) !== undefined;
}

/** Records a consent given by (or for) a person. */
export async function addConsent(ctx: RequestContext, personId: string, input: ConsentInput): Promise<Consent> {
  const errors: Record<string, string> = {};
  if (input.givenOn > todayUtc()) errors.givenOn = 'must not be in the future';
  if (input.kind === 'data_sharing' && !input.organisationId) errors.organisationId = 'is required: data sharing is consented with a named organisation';
  if (input.kind !== 'data_sharing' && input.organisationId) errors.organisationId = 'is only for data-sharing consent';
  if (Object.keys(errors).length > 0) throw new Invalid(errors);
  return inTransaction(ctx.db, async (tx) => {
    const person = await findPersonRow(tx, ctx.scope, personId);
    if (!person) throw new NotFound('Person');
    if (person.status !== 'active') throw new Conflict(`${person.caseNumber} is ${person.status}`, 'not_active');
    const id = newId();
    await tx
      .insertInto('consents')
      .values({ id, personId, kind: input.kind, organisationId: input.organisationId ?? null, method: input.method, givenOn: input.givenOn, withdrawnOn: null, note: input.note ?? null, recordedBy: ctx.user.id })
      .execute();
    await appendAudit(tx, actorOf(ctx), { action: 'person.consent_given', entityType: 'person', entityId: personId, details: { consentId: id, kind: input.kind, organisationId: input.organisationId ?? null } });
    return consentById(tx, id);
  });
}

/** Withdraws a consent from a date; sharing and referring stop from then on. */
export async function withdrawConsent(ctx: RequestContext, personId: string, consentId: string, input: ConsentWithdrawal): Promise<Consent> {
  return inTransaction(ctx.db, async (tx) => {
    const person = await findPersonRow(tx, ctx.scope, personId);
    if (!person) throw new NotFound('Person');
    const consent = await tx.selectFrom('consents').selectAll().where('id', '=', consentId).where('personId', '=', personId).forUpdate().executeTakeFirst();
    if (!consent) throw new NotFound('Consent');
    if (consent.withdrawnOn) throw new Conflict('This consent is already withdrawn', 'already_withdrawn');
    if (input.withdrawnOn > todayUtc()) throw new Invalid({ withdrawnOn: 'must not be in the future' });
    if (input.withdrawnOn < consent.givenOn) throw new Invalid({ withdrawnOn: 'must not be before the consent was given' });
    const note = input.note ? [consent.note, input.note].filter(Boolean).join('\n') : consent.note;
    await tx.updateTable('consents').set({ withdrawnOn: input.withdrawnOn, note }).where('id', '=', consentId).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'person.consent_withdrawn', entityType: 'person', entityId: personId, details: { consentId, kind: consent.kind } });
    return consentById(tx, consentId);
  });
}

async function consentById(tx: Tx, id: string): Promise<Consent> {
  const c = await tx
    .selectFrom('consents as c')
    .leftJoin('organisations as o', 'o.id', 'c.organisationId')
    .leftJoin('users as u', 'u.id', 'c.recordedBy')
    .select(['c.id', 'c.personId', 'c.kind', 'c.organisationId', 'o.name as organisationName', 'c.method', 'c.givenOn', 'c.withdrawnOn', 'c.note', 'u.displayName as recordedBy', 'c.createdAt'])
    .where('c.id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...c, kind: c.kind as Consent['kind'], method: c.method as Consent['method'], createdAt: new Date(c.createdAt).toISOString() };
}

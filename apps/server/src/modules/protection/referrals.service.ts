// Referrals (SPEC §5): sent from a case to a service of the same organisation or another one, with
// the person's consent; the receiving organisation sees its incoming referrals and responds.
import { sql, type Expression, type SqlBool } from 'kysely';
import { canMove, newId, REFERRAL_TRANSITIONS, type Referral, type ReferralInput, type ReferralResponse, type ReferralsQuery, type ReferralStatus } from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { inScope } from '../../platform/access/scope';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, scopeFor, type RequestContext } from '../../platform/auth/context';
import { Conflict, Forbidden, Invalid, NotFound, RuleViolation } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { hasActiveConsent } from '../registry/consent.service';
import { addDays, assertNotClosed, CASE_SCOPE, lockCase, notInFuture, recordEvent, referralDueDays, today } from './protection.common';
import { referralQuery } from './protection.queries';
import { presentReferral } from './protection.present';

/** Outgoing: the case is in the caller's caseload scope. */
function outgoing(ctx: RequestContext): Expression<SqlBool> {
  return inScope(scopeFor(ctx, 'transitCase.read'), CASE_SCOPE);
}
/** Incoming: sent to the caller's organisation. */
function incoming(ctx: RequestContext): Expression<SqlBool> {
  return sql<SqlBool>`r.to_organisation_id = ${ctx.user.organisationId}`;
}

/** The referrals the caller sees: outgoing ones of their caseload plus incoming ones. */
function visible(db: Db | Tx, ctx: RequestContext) {
  return referralQuery(db).where((eb) => eb.or([outgoing(ctx), incoming(ctx)]));
}

/** Refers a person from a case; an external referral needs their consent to share with that organisation. */
export async function createReferral(ctx: RequestContext, caseId: string, input: ReferralInput): Promise<Referral> {
  notInFuture('referredOn', input.referredOn);
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, scopeFor(ctx, 'transitCase.read'), caseId);
    assertNotClosed(row);
    let toOrganisationId = row.organisationId;
    if (input.kind === 'external') {
      if (!input.toOrganisationId) throw new Invalid({ toOrganisationId: 'is required for an external referral' });
      if (input.toOrganisationId === row.organisationId) throw new Invalid({ toOrganisationId: 'must be another organisation; use an internal referral' });
      const org = await tx.selectFrom('organisations').select('id').where('id', '=', input.toOrganisationId).executeTakeFirst();
      if (!org) throw new Invalid({ toOrganisationId: 'must be an existing organisation' });
      if (!(await hasActiveConsent(tx, row.personId, 'data_sharing', input.toOrganisationId))) {
        throw new RuleViolation('The person has not consented to share their data with this organisation', 'consent_required', {
          toOrganisationId: 'needs the person’s data-sharing consent with this organisation',
        });
      }
      toOrganisationId = input.toOrganisationId;
    } else if (input.toOrganisationId && input.toOrganisationId !== row.organisationId) {
      throw new Invalid({ toOrganisationId: 'must be the case’s own organisation for an internal referral' });
    }
    const referredOn = input.referredOn ?? today();
    const dueDate = input.dueDate ?? addDays(referredOn, await referralDueDays(tx));
    if (dueDate < referredOn) throw new Invalid({ dueDate: 'must not be before the referral date' });
    const id = input.id ?? newId();
    await tx
      .insertInto('referrals')
      .values({ id, transitCaseId: caseId, personId: row.personId, kind: input.kind, service: input.service, fromOrganisationId: row.organisationId, toOrganisationId, siteId: row.siteId, reason: input.reason ?? null, referredOn, dueDate, feedback: null, respondedAt: null, respondedBy: null, createdBy: ctx.user.id, updatedBy: ctx.user.id })
      .execute();
    await recordEvent(tx, ctx, caseId, 'referred', { referralId: id, kind: input.kind, service: input.service, toOrganisationId });
    return presentReferral(ctx, await referralQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** The referral lists: incoming, outgoing or both; by status; overdue only. */
export async function listReferrals(ctx: RequestContext, query: ReferralsQuery) {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  let q = query.direction === 'incoming' ? referralQuery(ctx.db).where(incoming(ctx)) : query.direction === 'outgoing' ? referralQuery(ctx.db).where(outgoing(ctx)) : visible(ctx.db, ctx);
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.overdue !== undefined) {
    const overdue = sql<SqlBool>`(r.status in ('pending', 'accepted') and r.due_date < ${today()})`;
    q = q.where(query.overdue ? overdue : sql<SqlBool>`not ${overdue}`);
  }
  if (after) {
    const [createdAt, id] = after.map(String);
    q = q.where(sql<boolean>`(r.created_at, r.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
  }
  const rows = await q.orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc').limit(limit + 1).execute();
  return pageOf(rows, limit, (r) => [new Date(r.createdAt).toISOString(), r.id], (r) => presentReferral(ctx, r));
}

/** One referral the caller sees (sent from their caseload or to their organisation). */
export async function getReferral(ctx: RequestContext, id: string): Promise<Referral> {
  const row = await visible(ctx.db, ctx).where('r.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('Referral');
  return presentReferral(ctx, row);
}

/** The receiving organisation accepts, declines, completes or closes a referral, with feedback. */
export async function respondToReferral(ctx: RequestContext, id: string, version: number, input: ReferralResponse): Promise<Referral> {
  return inTransaction(ctx.db, async (tx) => {
    const seen = await visible(tx, ctx).where('r.id', '=', id).executeTakeFirst();
    if (!seen) throw new NotFound('Referral');
    if (seen.toOrganisationId !== ctx.user.organisationId) throw new Forbidden('Only the receiving organisation responds to a referral', 'not_receiving_organisation');
    const current = await tx.selectFrom('referrals').select(['status', 'version', 'transitCaseId']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    assertVersion(current.version, version);
    const from = current.status as ReferralStatus;
    if (!canMove(REFERRAL_TRANSITIONS, from, input.status)) {
      const allowed = REFERRAL_TRANSITIONS[from];
      throw new Conflict(`A ${from} referral cannot become ${input.status}${allowed.length ? `; allowed: ${allowed.join(', ')}` : ''}`, 'transition_not_allowed', { status: allowed.length ? `must be one of ${allowed.join(', ')}` : 'cannot change any more' }, { allowed });
    }
    await tx
      .updateTable('referrals')
      .set({ status: input.status, feedback: input.feedback ?? seen.feedback, respondedAt: new Date(), respondedBy: ctx.user.id, updatedAt: new Date(), updatedBy: ctx.user.id, version: sql`version + 1` })
      .where('id', '=', id)
      .execute();
    // The history belongs to the sending case; the receiving user writes it through this response only.
    await tx.insertInto('transitCaseEvents').values({ id: newId(), transitCaseId: current.transitCaseId, action: 'referral_responded', details: JSON.stringify({ referralId: id, from, to: input.status }), byUser: ctx.user.id }).execute();
    await appendAudit(tx, actorOf(ctx), { action: 'referral.respond', entityType: 'referral', entityId: id, details: { from, to: input.status } });
    return presentReferral(ctx, await referralQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

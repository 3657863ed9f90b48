// GET /indicators/{code}/records: the records behind a number (SPEC §11) — exactly the events the
// counting rule counted in the span, in the caller's scope, pseudonymised without person.read.
import { createHmac } from 'node:crypto';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { IndicatorRecord, IndicatorRecordsQuery } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, can, type RequestContext } from '../../platform/auth/context';
import type { Scope } from '../../platform/access/scope';
import { Forbidden, RuleViolation } from '../../platform/errors';
import { decodeCursor, DEFAULT_LIMIT, pageOf } from '../../platform/http/paging';
import { countedEvents, existingTables } from './engine';
import { getDefinition } from './definitions.service';
import { programmeSettings } from './programme';
import { readSpan } from './span';
import { SOURCES } from './sources';

/** A stable pseudonym of a subject: the same person always gets the same one, and it reveals nothing. */
export function pseudonym(secret: string, subject: string): string {
  return `P-${createHmac('sha256', secret).update(`indicator-subject:${subject}`).digest('hex').slice(0, 12)}`;
}

/** Which counted events a scope reaches, by the event's partner organisation, site or region. */
function eventScope(scope: Scope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'organisation':
      return sql<SqlBool>`partner_org = ${scope.organisationId}`;
    case 'site':
      return sql<SqlBool>`site_id = ${scope.siteId}`;
    case 'region':
      return sql<SqlBool>`region_pcode like ${scope.pcodePrefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`;
    case 'own':
    case 'none':
      return sql<SqlBool>`false`;
  }
}

interface EventRow {
  recordId: string;
  recordType: string;
  subject: string;
  eventDate: string;
  amount: number;
  link: string | null;
  dSex: string;
  dAge: string;
  dNationality: string;
  dRegion: string;
  dPartner: string;
  dSite: string;
}

/** The counted records of an indicator in a span, a page at a time; the read is audited. */
export async function indicatorRecords(ctx: RequestContext, secret: string, code: string, query: IndicatorRecordsQuery) {
  // Donors (public ceiling) see aggregates only (SPEC §1): no record-level list, even pseudonymised.
  if (ctx.maxSensitivity === 'public') throw new Forbidden('Your role sees aggregates only; the records behind a number are not available to it', 'aggregates_only');
  const programme = await programmeSettings(ctx.db);
  const definition = await getDefinition(ctx.db, code);
  const span = readSpan(query, programme.start);
  if (definition.mode === 'manual' || !definition.source) throw new RuleViolation('A manual indicator has no records behind it; its evidence is attached to its manual values', 'manual_indicator', { code: 'is a manual indicator' });
  const source = SOURCES[definition.source];
  const present = await existingTables(ctx.db, source.requires);
  if (source.requires.some((t) => !present.has(t))) throw new RuleViolation(`The ${source.module} module is not installed yet`, 'indicator_unavailable', { code: 'is not available' });
  const limit = query.limit ?? DEFAULT_LIMIT;
  const after = decodeCursor(query.cursor, ['string', 'string']);
  const cursorCondition = after ? sql`and (event_date, record_id) > (${after[0]}::date, ${after[1]})` : sql``;
  const rows = await sql<EventRow>`
    with tagged as (${countedEvents(source, definition.kind, programme.start, true)})
    select * from tagged
     where event_date between ${span.from}::date and ${span.to}::date and ${eventScope(ctx.scope)} ${cursorCondition}
     order by event_date, record_id
     limit ${limit + 1}`.execute(ctx.db);
  const identified = can(ctx, 'person.read');
  const page = pageOf(
    rows.rows,
    limit,
    (r) => [r.eventDate, r.recordId],
    (r): IndicatorRecord => ({
      recordId: r.recordId,
      recordType: r.recordType,
      date: r.eventDate,
      subject: identified ? r.subject : pseudonym(secret, r.subject),
      ...(identified && source.personSubject ? { personId: r.subject } : {}),
      amount: Number(r.amount),
      sex: r.dSex,
      ageGroup: r.dAge,
      nationality: r.dNationality,
      region: r.dRegion,
      partner: r.dPartner,
      site: r.dSite,
      ...(identified && r.link ? { link: r.link } : {}),
    }),
  );
  await inTransaction(ctx.db, (tx) =>
    appendAudit(tx, actorOf(ctx), { action: 'indicator.records_read', entityType: 'indicator', entityId: code, details: { from: span.from, to: span.to, records: page.items.length, pseudonymised: !identified } }),
  );
  return { ...page, pseudonymised: !identified };
}

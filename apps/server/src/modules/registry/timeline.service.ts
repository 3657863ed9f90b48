// A person's history (SPEC §4 person page): everything that happened to them, newest first. Entries
// carry codes, not free text, so nothing sensitive leaks into a list read by every case role.
import { isSensitiveFlag, type TimelineEntry, type VulnerabilityFlag } from '@taama/core';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { NotFound } from '../../platform/errors';
import { findPersonRow } from './people.repo';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The timeline of a person in the caller's scope (an audited read). */
export async function timelineOf(ctx: RequestContext, personId: string): Promise<{ items: TimelineEntry[] }> {
  return inTransaction(ctx.db, async (tx) => {
    const person = await findPersonRow(tx, ctx.scope, personId);
    if (!person) throw new NotFound('Person');
    const users = tx.selectFrom('users').select(['id', 'displayName']);
    const names = new Map((await users.execute()).map((u) => [u.id, u.displayName]));
    const by = (id: string | null) => (id ? (names.get(id) ?? null) : null);
    const items: TimelineEntry[] = [{ at: iso(person.createdAt), kind: 'registered', recordId: person.id, summary: { caseNumber: person.caseNumber, site: person.siteName }, by: by(person.createdBy) }];

    const updates = await tx.selectFrom('auditLog').select(['at', 'action', 'actorId', 'details']).where('entityType', '=', 'person').where('entityId', '=', personId).where('action', 'in', ['person.update', 'person.merge', 'person.unmerge']).execute();
    for (const u of updates) {
      const kind = u.action === 'person.update' ? 'updated' : u.action === 'person.merge' ? 'merged' : 'unmerged';
      items.push({ at: iso(u.at), kind, recordId: personId, summary: u.details ?? {}, by: by(u.actorId) });
    }
    const survivorOf = await tx.selectFrom('personMerges').select(['mergedAt', 'mergedBy', 'sourceId', 'unmergedAt', 'unmergedBy']).where('survivorId', '=', personId).execute();
    for (const m of survivorOf) {
      items.push({ at: iso(m.mergedAt), kind: 'merged', recordId: m.sourceId, summary: { absorbed: m.sourceId }, by: by(m.mergedBy) });
      if (m.unmergedAt) items.push({ at: iso(m.unmergedAt), kind: 'unmerged', recordId: m.sourceId, summary: { released: m.sourceId }, by: by(m.unmergedBy) });
    }
    for (const c of await tx.selectFrom('consents').selectAll().where('personId', '=', personId).execute()) {
      items.push({ at: c.givenOn, kind: 'consent', recordId: c.id, summary: { kind: c.kind, method: c.method, organisationId: c.organisationId }, by: by(c.recordedBy) });
      if (c.withdrawnOn) items.push({ at: c.withdrawnOn, kind: 'consent_withdrawn', recordId: c.id, summary: { kind: c.kind }, by: null });
    }
    const cases = await tx.selectFrom('transitCases as t').innerJoin('sites as s', 's.id', 't.siteId').select(['t.id', 't.caseNumber', 't.openedOn', 't.createdBy', 's.name as site']).where('t.personId', '=', personId).execute();
    for (const c of cases) items.push({ at: c.openedOn, kind: 'transit_case_opened', recordId: c.id, summary: { caseNumber: c.caseNumber, site: c.site }, by: by(c.createdBy) });
    const caseIds = cases.map((c) => c.id);
    if (caseIds.length > 0) {
      const events = await tx.selectFrom('transitCaseEvents').selectAll().where('transitCaseId', 'in', caseIds).where('action', 'in', ['status', 'transfer', 'transition']).execute();
      for (const e of events) items.push({ at: iso(e.at), kind: 'transit_case_status', recordId: e.transitCaseId, summary: { action: e.action, ...e.details }, by: by(e.byUser) });
      const notes = await tx.selectFrom('caseNotes').select(['id', 'createdAt', 'createdBy', 'sensitive']).where('transitCaseId', 'in', caseIds).execute();
      for (const n of notes) if (!n.sensitive || ctx.maxSensitivity === 'sensitive') items.push({ at: iso(n.createdAt), kind: 'note', recordId: n.id, summary: {}, by: by(n.createdBy) });
      const tasks = await tx.selectFrom('tasks').select(['id', 'kind', 'status', 'createdAt', 'createdBy']).where('transitCaseId', 'in', caseIds).execute();
      for (const t of tasks) items.push({ at: iso(t.createdAt), kind: 'task', recordId: t.id, summary: { kind: t.kind, status: t.status }, by: by(t.createdBy) });
    }
    for (const s of await tx.selectFrom('screenings').selectAll().where('personId', '=', personId).execute()) {
      const flags = (s.flags as VulnerabilityFlag[]).filter((f) => ctx.maxSensitivity === 'sensitive' || !isSensitiveFlag(f));
      items.push({ at: s.screenedOn, kind: 'screening', recordId: s.id, summary: { sequence: s.sequence, priority: s.priority, flags }, by: by(s.screenedBy) });
    }
    for (const s of await tx.selectFrom('services').selectAll().where('personId', '=', personId).execute()) {
      items.push({ at: s.date, kind: 'service', recordId: s.id, summary: { type: s.type, quantity: s.quantity, costXof: s.costXof }, by: by(s.recordedBy) });
    }
    const referrals = await tx.selectFrom('referrals as r').innerJoin('organisations as o', 'o.id', 'r.toOrganisationId').select(['r.id', 'r.referredOn', 'r.service', 'r.status', 'r.kind', 'o.name as to', 'r.createdBy']).where('r.personId', '=', personId).execute();
    for (const r of referrals) items.push({ at: r.referredOn, kind: 'referral', recordId: r.id, summary: { service: r.service, status: r.status, kind: r.kind, to: r.to }, by: by(r.createdBy) });
    for (const s of await tx.selectFrom('stays as st').innerJoin('sites as s', 's.id', 'st.siteId').select(['st.id', 'st.checkIn', 'st.checkOut', 's.name as site', 'st.createdBy']).where('st.personId', '=', personId).execute()) {
      items.push({ at: s.checkIn, kind: 'stay_in', recordId: s.id, summary: { site: s.site }, by: by(s.createdBy) });
      if (s.checkOut) items.push({ at: s.checkOut, kind: 'stay_out', recordId: s.id, summary: { site: s.site }, by: null });
    }
    await appendAudit(tx, actorOf(ctx), { action: 'person.timeline_read', entityType: 'person', entityId: personId });
    items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return { items };
  });
}

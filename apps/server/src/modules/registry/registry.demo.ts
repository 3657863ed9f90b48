// Loads the demo's people in transit and their protection cases (SPEC §14) inside the demo
// transaction: multi-row inserts batch by batch, matching keys computed as at registration,
// near-duplicates queued for review, and case-number series left where later registrations continue.
import { sql, type Insertable } from 'kysely';
import { DEFAULT_DUPLICATE_RULES, newId, personMatchingKeys, variantIndex } from '@taama/core';
import { asMatching, DuplicateFinder, type DemoData, type DemoPeopleBatch } from '@taama/demo';
import type { Tx } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import { getSetting } from '../../platform/settings';

export interface RegistryDemoCounts {
  people: number;
  transitCases: number;
  duplicateCandidates: number;
}

/** Statements stay well under PostgreSQL's 65,535 bind parameters. */
const MAX_PARAMETERS = 30_000;
const BATCH_SIZE = 2000;

async function insertRows<T extends keyof Database & string>(tx: Tx, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(first as object).length));
  for (let i = 0; i < rows.length; i += size) {
    // The rows are built below from the table's own column names; Kysely cannot follow a table chosen at runtime.
    await tx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

/** A timestamp on a demo date: mid-morning UTC, office hours in Mali. */
const at = (date: string, hour = 9) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** `ML-GAO-TC-2019-000045` → series `ML-GAO-TC`, year 2019, value 45. */
function seriesOf(caseNumber: string): { series: string; year: number; value: number } {
  const parts = caseNumber.split('-');
  return { series: parts.slice(0, -2).join('-'), year: Number(parts.at(-2)), value: Number(parts.at(-1)) };
}

/** Looks up database ids by code; a demo record naming an unknown code is a bug of the generator. */
function lookup(map: ReadonlyMap<string, string>, what: string) {
  return (code: string): string => {
    const id = map.get(code);
    if (!id) throw new Error(`demo data refers to unknown ${what} ${code}`);
    return id;
  };
}

/** Inserts the demo's people, groups and transit cases; the organisations, sites and users must be in. */
export async function loadRegistryDemo(tx: Tx, demo: DemoData): Promise<RegistryDemoCounts> {
  const rules = await getSetting(tx, 'registry.duplicateRules', DEFAULT_DUPLICATE_RULES);
  const index = variantIndex(rules.variants);
  const org = lookup(new Map((await tx.selectFrom('organisations').select(['code', 'id']).execute()).map((r) => [r.code, r.id])), 'organisation');
  const sites = await tx.selectFrom('sites').select(['code', 'id', 'pcode']).execute();
  const site = lookup(new Map(sites.map((s) => [s.code, s.id])), 'site');
  const sitePcode = new Map(sites.map((s) => [s.code, s.pcode]));
  const user = lookup(new Map((await tx.selectFrom('users').select(['username', 'id']).execute()).map((r) => [r.username, r.id])), 'user');
  const finder = new DuplicateFinder(rules);
  const sequences = new Map<string, { series: string; year: number; value: number }>();
  const track = (caseNumber: string) => {
    const s = seriesOf(caseNumber);
    const key = `${s.series}|${s.year}`;
    if ((sequences.get(key)?.value ?? 0) < s.value) sequences.set(key, s);
  };
  const counts: RegistryDemoCounts = { people: 0, transitCases: 0, duplicateCandidates: 0 };
  for (const batch of demo.people.batches(BATCH_SIZE)) {
    const found = finder.pairs.length;
    const c = await loadBatch(tx, batch, { org, site, sitePcode, user, index, finder, track });
    counts.people += batch.people.length;
    counts.transitCases += c;
    await insertRows(tx, 'duplicateCandidates', finder.pairs.slice(found).map((p) => ({ id: newId(), ...p, detectedAt: new Date() })));
  }
  counts.duplicateCandidates = finder.pairs.length;
  // New registrations continue each series after the demo's last number.
  const rows = [...sequences.values()].map((s) => ({ series: s.series, year: s.year, lastValue: s.value }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insertInto('caseNumberSequences')
      .values(rows.slice(i, i + 1000))
      .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ lastValue: sql`greatest(case_number_sequences.last_value, excluded.last_value)` }))
      .execute();
  }
  return counts;
}

interface Context {
  org: (code: string) => string;
  site: (code: string) => string;
  sitePcode: ReadonlyMap<string, string | null>;
  user: (username: string) => string;
  index: ReadonlyMap<string, string>;
  finder: DuplicateFinder;
  track: (caseNumber: string) => void;
}

/** Inserts one batch, table by table (parents first); returns how many transit cases it held. */
async function loadBatch(tx: Tx, batch: DemoPeopleBatch, ctx: Context): Promise<number> {
  const { org, site, user } = ctx;
  const personIds = new Map<string, string>();
  type Rows<T extends keyof Database> = Insertable<Database[T]>[];
  const people: Rows<'people'> = [], documents: Rows<'identityDocuments'> = [], consents: Rows<'consents'> = [], cases: Rows<'transitCases'> = [], stays: Rows<'stays'> = [];
  const screenings: Rows<'screenings'> = [], services: Rows<'services'> = [], referrals: Rows<'referrals'> = [], tasks: Rows<'tasks'> = [], notes: Rows<'caseNotes'> = [];
  for (const p of batch.people) {
    const id = newId();
    personIds.set(p.caseNumber, id);
    ctx.track(p.caseNumber);
    const keys = personMatchingKeys(p, ctx.index);
    ctx.finder.add(id, asMatching(p));
    const owner = user(p.owner);
    people.push({
      id, caseNumber: p.caseNumber, givenName: p.givenName, familyName: p.familyName, otherNames: p.otherNames, nameArabic: null, sex: p.sex,
      dateOfBirth: p.dateOfBirth, dobPrecision: p.dobPrecision, birthYear: Number(p.dateOfBirth.slice(0, 4)), nationality: p.nationality,
      birthCountry: p.birthCountry, birthPlace: p.birthPlace, languages: p.languages, phones: p.phones, originPcode: p.originPcode, ...keys,
      organisationId: org(p.organisation), siteId: site(p.site), regionPcode: p.originPcode ?? ctx.sitePcode.get(p.site) ?? null, ownerId: owner,
      registeredOn: p.registeredOn, createdAt: at(p.registeredOn), createdBy: owner, updatedAt: at(p.registeredOn), updatedBy: owner,
    });
    for (const d of p.documents) {
      // Same normalisation as the registry's document key: upper case, letters and digits only.
      const key = (d.number ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
      documents.push({ id: newId(), personId: id, type: d.type, number: d.number, numberKey: key.length >= 4 ? key : null, issuingCountry: d.issuingCountry, expiryDate: d.expiryDate });
    }
    for (const k of p.consents) {
      consents.push({ id: newId(), personId: id, kind: k.kind, organisationId: k.organisation ? org(k.organisation) : null, method: k.method, givenOn: k.givenOn, withdrawnOn: k.withdrawnOn, note: null, recordedBy: owner, createdAt: at(k.givenOn) });
    }
    const c = p.transitCase;
    if (!c) continue;
    const caseId = newId();
    ctx.track(c.caseNumber);
    const caseSite = site(c.site);
    const worker = c.assignedTo ? user(c.assignedTo) : owner;
    const closedAt = c.closedOn ? at(c.closedOn, 16) : null;
    cases.push({
      id: caseId, caseNumber: c.caseNumber, personId: id, organisationId: org(p.organisation), siteId: caseSite, regionPcode: ctx.sitePcode.get(c.site) ?? null,
      assignedTo: c.assignedTo ? user(c.assignedTo) : null, status: c.status, closureReason: c.closureReason, priority: c.priority, openedOn: c.openedOn, closedOn: c.closedOn,
      createdAt: at(c.openedOn), createdBy: owner, updatedAt: closedAt ?? at(c.openedOn), updatedBy: worker,
    });
    for (const s of c.stays) stays.push({ id: newId(), transitCaseId: caseId, personId: id, siteId: site(s.site), checkIn: s.checkIn, checkOut: s.checkOut, bed: s.bed, createdAt: at(s.checkIn, 10), createdBy: worker });
    for (const s of c.screenings) {
      screenings.push({
        id: newId(), transitCaseId: caseId, personId: id, sequence: s.sequence, formVersion: 1, screenedOn: s.screenedOn, flags: s.flags,
        riskFactors: JSON.stringify(s.riskFactors), protectiveFactors: JSON.stringify(s.protectiveFactors), priority: s.priority, priorityBecause: s.priorityBecause,
        notes: s.notes, screenedBy: user(s.screenedBy), createdAt: at(s.screenedOn, 11),
      });
    }
    for (const s of c.services) services.push({ id: newId(), transitCaseId: caseId, personId: id, siteId: caseSite, type: s.type, date: s.date, quantity: s.quantity, provider: s.provider, costXof: s.costXof, note: null, recordedBy: user(s.recordedBy), createdAt: at(s.date, 12) });
    for (const r of c.referrals) {
      const responded = r.respondedOn ? at(r.respondedOn, 14) : null;
      referrals.push({
        id: newId(), transitCaseId: caseId, personId: id, kind: r.kind, service: r.service, fromOrganisationId: org(r.from), toOrganisationId: org(r.to), siteId: caseSite,
        reason: r.reason, referredOn: r.referredOn, dueDate: r.dueDate, status: r.status, feedback: r.feedback, respondedAt: responded, respondedBy: r.respondedBy ? user(r.respondedBy) : null,
        version: r.status === 'pending' ? 1 : 2, createdAt: at(r.referredOn, 10), createdBy: worker, updatedAt: responded ?? at(r.referredOn, 10), updatedBy: r.respondedBy ? user(r.respondedBy) : worker,
      });
    }
    for (const t of c.tasks) {
      const assignee = user(t.assignedTo);
      const completedAt = t.completedOn ? at(t.completedOn, 15) : null;
      const approvedAt = t.approvedOn ? at(t.approvedOn, 17) : null;
      tasks.push({
        id: newId(), transitCaseId: caseId, kind: t.kind, title: t.title, dueDate: t.dueDate, assignedTo: assignee, status: t.status, requiresApproval: t.requiresApproval, outcome: t.outcome,
        completedAt, completedBy: t.completedBy ? user(t.completedBy) : null, approvedAt, approvedBy: t.approvedBy ? user(t.approvedBy) : null,
        createdAt: at(t.createdOn, 10), createdBy: worker, updatedAt: approvedAt ?? completedAt ?? at(t.createdOn, 10), updatedBy: t.approvedBy ? user(t.approvedBy) : assignee,
      });
    }
    for (const n of c.notes) notes.push({ id: newId(), transitCaseId: caseId, body: n.body, sensitive: n.sensitive, createdAt: at(n.on, 13), createdBy: user(n.by) });
  }
  const groups = batch.groups.map((g) => ({ id: newId(), kind: g.kind, name: g.name, organisationId: org(g.organisation), createdBy: null, updatedBy: null, group: g }));
  const member = (code: string) => lookup(personIds, 'person')(code);
  await insertRows(tx, 'people', people);
  await insertRows(tx, 'identityDocuments', documents);
  await insertRows(tx, 'consents', consents);
  await insertRows(tx, 'personGroups', groups.map(({ group: _, ...g }) => g));
  await insertRows(tx, 'personGroupMembers', groups.flatMap(({ id, group }) => group.members.map((m) => ({ groupId: id, personId: member(m.person), relationship: m.relationship, isHead: m.isHead }))));
  await insertRows(tx, 'transitCases', cases);
  await insertRows(tx, 'stays', stays);
  await insertRows(tx, 'screenings', screenings);
  await insertRows(tx, 'services', services);
  await insertRows(tx, 'referrals', referrals);
  await insertRows(tx, 'tasks', tasks);
  await insertRows(tx, 'caseNotes', notes);
  return cases.length;
}

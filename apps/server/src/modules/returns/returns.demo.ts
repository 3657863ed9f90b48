// Loads the return demo (tools/demo/src/returns.ts) inside the demo transaction: returnees into the
// registry (numbered after the people demo in each site's series), return cases with their history,
// documents, medical checks, movements and passengers, arrivals and arrival assistance; then the
// case-number and movement-reference series continue after the demo's last numbers.
import { sql, type Insertable } from 'kysely';
import { DEFAULT_DUPLICATE_RULES, newId, personMatchingKeys, variantIndex } from '@taama/core';
import type { DemoData, DemoPersonRef, DemoReturnsBatch } from '@taama/demo';
import type { Tx } from '../../platform/db/database';
import type { Database } from '../../platform/db/schema';
import { getSetting } from '../../platform/settings';

export interface ReturnsDemoCounts {
  returnees: number;
  returnCases: number;
  movements: number;
  arrivals: number;
}

const columnTypes = new Map<string, Map<string, string>>();

/** The columns of a table and their SQL types, read once from the catalogue. */
async function columnsOf(tx: Tx, table: string): Promise<Map<string, string>> {
  let columns = columnTypes.get(table);
  if (!columns) {
    const rows = await sql<{ name: string; type: string }>`
      select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = ${table}::regclass and attnum > 0 and not attisdropped order by attnum`.execute(tx);
    columns = new Map(rows.rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, columns);
  }
  return columns;
}

/** camelCase → snake_case. */
const snake = (key: string) => key.replace(/([A-Z])/g, '_$1').toLowerCase();

/**
 * Inserts demo rows (camelCase, typed as the table's inserts) in one statement: the rows travel as ONE
 * jsonb parameter expanded by jsonb_to_recordset, which the embedded database takes far faster than
 * thousands of bind parameters (see flows.bulk.ts). JSON text meant for a jsonb column is parsed back.
 */
export async function insertDemoRows<T extends keyof Database & string>(tx: Tx, table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
  if (rows.length === 0) return;
  const name = snake(table);
  const types = await columnsOf(tx, name);
  const used = new Set<string>();
  const payload = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
      const column = snake(key);
      const type = types.get(column);
      if (!type) throw new Error(`demo rows of ${name} name an unknown column ${column}`);
      used.add(column);
      out[column] = type === 'jsonb' && typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
    }
    return out;
  });
  const names = [...used];
  const list = sql.join(names.map((n) => sql.ref(n)));
  const definition = sql.raw(names.map((n) => `${n} ${types.get(n) ?? 'text'}`).join(', '));
  await sql`insert into ${sql.table(name)} (${list}) select ${list} from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as r(${definition})`.execute(tx);
}

/** Rows held before the buffer writes them: a statement costs more than its rows at this size. */
const FLUSH_ROWS = 25_000;

/**
 * Collects demo rows across batches and writes them table by table, parents first (the order tables
 * were first added in), in a few large statements instead of one per table and batch.
 */
export class DemoRowBuffer {
  private readonly tables = new Map<string, Record<string, unknown>[]>();
  private held = 0;

  constructor(private readonly tx: Tx) {}

  /** Queues rows of a table (typed like its inserts); writes everything when the buffer is full. */
  async add<T extends keyof Database & string>(table: T, rows: readonly Insertable<Database[T]>[]): Promise<void> {
    let list = this.tables.get(table);
    if (!list) {
      list = [];
      this.tables.set(table, list);
    }
    for (const row of rows) list.push(row as Record<string, unknown>);
    this.held += rows.length;
    if (this.held >= FLUSH_ROWS) await this.flush();
  }

  /** Writes every queued row, parents first. */
  async flush(): Promise<void> {
    for (const [table, rows] of this.tables) {
      // The buffer only holds rows added through `add`, typed for their table.
      if (rows.length > 0) await insertDemoRows(this.tx, table as keyof Database & string, rows as never[]);
      rows.length = 0;
    }
    this.held = 0;
  }
}

/** A timestamp on a demo date: office hours in Mali (UTC). */
export const demoAt = (date: string, hour = 9): Date => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`);

/** Looks up database ids by code; a demo record naming an unknown code is a bug of the generator. */
export function demoLookup(map: ReadonlyMap<string, string>, what: string): (code: string) => string {
  return (code) => {
    const id = map.get(code);
    if (!id) throw new Error(`demo data refers to unknown ${what} ${code}`);
    return id;
  };
}

/** Keeps the highest number seen per series and year; writes them to case_number_sequences. */
export class DemoSeries {
  private readonly last = new Map<string, { series: string; year: number; value: number }>();

  /** Notes a number like `ML-GAO-AVR-2019-000045`. */
  track(caseNumber: string): void {
    const parts = caseNumber.split('-');
    const s = { series: parts.slice(0, -2).join('-'), year: Number(parts.at(-2)), value: Number(parts.at(-1)) };
    const key = `${s.series}|${s.year}`;
    if ((this.last.get(key)?.value ?? 0) < s.value) this.last.set(key, s);
  }

  /** New registrations continue each series after the demo's last number. */
  async save(tx: Tx): Promise<void> {
    const rows = [...this.last.values()].map((s) => ({ series: s.series, year: s.year, lastValue: s.value }));
    for (let i = 0; i < rows.length; i += 1000) {
      await tx
        .insertInto('caseNumberSequences')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) => oc.columns(['series', 'year']).doUpdateSet({ lastValue: sql`greatest(case_number_sequences.last_value, excluded.last_value)` }))
        .execute();
    }
  }
}

interface Context {
  org: string;
  site: (code: string) => string;
  siteRegion: ReadonlyMap<string, string>;
  sitePrefix: ReadonlyMap<string, string>;
  user: (username: string) => string;
  index: ReadonlyMap<string, string>;
  series: DemoSeries;
  /** Last person number per `ML-BKO|2019`, continuing the people demo's series. */
  personNumbers: Map<string, number>;
  movementYears: Map<number, number>;
  rows: DemoRowBuffer;
}

/** Inserts the return demo; organisations, sites, users and the people demo must be in. */
export async function loadReturnsDemo(tx: Tx, demo: DemoData): Promise<ReturnsDemoCounts> {
  const counts: ReturnsDemoCounts = { returnees: 0, returnCases: 0, movements: 0, arrivals: 0 };
  if (!demo.returns) return counts;
  const rules = await getSetting(tx, 'registry.duplicateRules', DEFAULT_DUPLICATE_RULES);
  const org = await tx.selectFrom('organisations').select('id').where('code', '=', 'iom').executeTakeFirstOrThrow();
  const sites = await tx.selectFrom('sites').select(['code', 'id', 'pcode', 'caseCodePrefix']).execute();
  const users = await tx.selectFrom('users').select(['username', 'id']).execute();
  const sequences = await tx.selectFrom('caseNumberSequences').select(['series', 'year', 'lastValue']).execute();
  const ctx: Context = {
    org: org.id,
    site: demoLookup(new Map(sites.map((s) => [s.code, s.id])), 'site'),
    siteRegion: new Map(sites.map((s) => [s.code, (s.pcode ?? '').slice(0, 4)])),
    sitePrefix: new Map(sites.map((s) => [s.code, s.caseCodePrefix])),
    user: demoLookup(new Map(users.map((u) => [u.username, u.id])), 'user'),
    index: variantIndex(rules.variants),
    series: new DemoSeries(),
    personNumbers: new Map(sequences.map((s) => [`${s.series}|${s.year}`, s.lastValue])),
    movementYears: new Map(),
    rows: new DemoRowBuffer(tx),
  };
  for (const batch of demo.returns.batches()) {
    await loadBatch(tx, batch, ctx);
    counts.returnees += batch.returnees.length;
    counts.returnCases += batch.cases.length;
    counts.movements += batch.movements.length;
    counts.arrivals += batch.cases.filter((c) => c.arrival).length;
  }
  await ctx.rows.flush();
  await ctx.series.save(tx);
  for (const [year, lastValue] of ctx.movementYears) {
    await tx
      .insertInto('movementReferenceSequences')
      .values({ year, lastValue })
      .onConflict((oc) => oc.column('year').doUpdateSet({ lastValue: sql`greatest(movement_reference_sequences.last_value, excluded.last_value)` }))
      .execute();
  }
  return counts;
}

type Rows<T extends keyof Database> = Insertable<Database[T]>[];

/** Registers the batch's returnees; returns their ids by generator key. */
async function loadReturnees(tx: Tx, batch: DemoReturnsBatch, ctx: Context): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const people: Rows<'people'> = [], documents: Rows<'identityDocuments'> = [], consents: Rows<'consents'> = [];
  for (const p of batch.returnees) {
    const id = newId();
    ids.set(p.key, id);
    const series = `ML-${ctx.sitePrefix.get(p.site) ?? 'XX'}`;
    const key = `${series}|${p.registeredOn.slice(0, 4)}`;
    const value = (ctx.personNumbers.get(key) ?? 0) + 1;
    ctx.personNumbers.set(key, value);
    const caseNumber = `${series}-${p.registeredOn.slice(0, 4)}-${String(value).padStart(6, '0')}`;
    ctx.series.track(caseNumber);
    const owner = ctx.user(p.owner);
    people.push({
      id, caseNumber, givenName: p.givenName, familyName: p.familyName, otherNames: [], nameArabic: null, sex: p.sex, dateOfBirth: p.dateOfBirth, dobPrecision: p.dobPrecision,
      birthYear: Number(p.dateOfBirth.slice(0, 4)), nationality: p.nationality, birthCountry: p.birthCountry, birthPlace: p.birthPlace, languages: p.languages, phones: p.phones,
      originPcode: p.originPcode, ...personMatchingKeys(p, ctx.index), organisationId: ctx.org, siteId: ctx.site(p.site), regionPcode: p.originPcode ?? ctx.siteRegion.get(p.site) ?? null,
      ownerId: owner, registeredOn: p.registeredOn, createdAt: demoAt(p.registeredOn), createdBy: owner, updatedAt: demoAt(p.registeredOn), updatedBy: owner,
    });
    for (const d of p.documents) {
      // Same normalisation as the registry's document key: upper case, letters and digits only.
      const numberKey = (d.number ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
      documents.push({ id: newId(), personId: id, type: d.type, number: d.number, numberKey: numberKey.length >= 4 ? numberKey : null, issuingCountry: d.issuingCountry, expiryDate: d.expiryDate });
    }
    for (const k of p.consents) consents.push({ id: newId(), personId: id, kind: k.kind, organisationId: null, method: k.method, givenOn: k.givenOn, withdrawnOn: k.withdrawnOn, note: null, recordedBy: owner, createdAt: demoAt(k.givenOn) });
  }
  await ctx.rows.add('people', people);
  await ctx.rows.add('identityDocuments', documents);
  await ctx.rows.add('consents', consents);
  return ids;
}

/** Ids of the people demo's persons and transit cases this batch refers to, by case number. */
async function registeredIds(tx: Tx, batch: DemoReturnsBatch): Promise<{ people: Map<string, string>; transitCases: Map<string, string> }> {
  const numbers = batch.cases.flatMap((c) => ('registered' in c.person ? [c.person.registered] : []));
  const transit = batch.cases.flatMap((c) => (c.transitCase ? [c.transitCase] : []));
  const people = numbers.length === 0 ? [] : await tx.selectFrom('people').select(['id', 'caseNumber']).where('caseNumber', 'in', numbers).execute();
  const cases = transit.length === 0 ? [] : await tx.selectFrom('transitCases').select(['id', 'caseNumber']).where('caseNumber', 'in', transit).execute();
  return { people: new Map(people.map((p) => [p.caseNumber, p.id])), transitCases: new Map(cases.map((c) => [c.caseNumber, c.id])) };
}

async function loadBatch(tx: Tx, batch: DemoReturnsBatch, ctx: Context): Promise<void> {
  const returnees = await loadReturnees(tx, batch, ctx);
  const registered = await registeredIds(tx, batch);
  const personId = (ref: DemoPersonRef) => ('returnee' in ref ? demoLookup(returnees, 'returnee')(ref.returnee) : demoLookup(registered.people, 'person')(ref.registered));
  const caseIds = new Map<string, string>();
  const movementIds = new Map(batch.movements.map((m) => [m.reference, newId()]));
  const movementId = demoLookup(movementIds, 'movement');
  const cases: Rows<'returnCases'> = [], members: Rows<'returnCaseMembers'> = [], events: Rows<'returnCaseEvents'> = [], documents: Rows<'travelDocuments'> = [], checks: Rows<'medicalChecks'> = [];
  const arrivals: Rows<'arrivals'> = [], assistance: Rows<'arrivalAssistance'> = [];
  for (const c of batch.cases) {
    const id = newId();
    caseIds.set(c.caseNumber, id);
    ctx.series.track(c.caseNumber);
    const officer = ctx.user(c.counsellor);
    const person = personId(c.person);
    const bid = c.bestInterest;
    cases.push({
      id, caseNumber: c.caseNumber, personId: person, direction: c.direction, status: c.status, statusSince: demoAt(c.statusSince, 15), suspendedFrom: c.suspendedFrom, withdrawalReason: c.withdrawalReason,
      destinationCountry: c.destinationCountry, destinationPcode: c.destinationPcode, destinationLocality: c.destinationLocality, fromCountry: c.fromCountry, organisationId: ctx.org,
      siteId: ctx.site(c.site), regionPcode: ctx.siteRegion.get(c.site) ?? null, counsellorId: officer, requestedOn: c.requestedOn, unaccompaniedChild: c.unaccompaniedChild,
      transitCaseId: c.transitCase ? demoLookup(registered.transitCases, 'transit case')(c.transitCase) : null,
      declarationSignedOn: c.declaration?.signedOn ?? null, declarationWitness: c.declaration?.witness ?? null,
      dueDiligenceCheckedOn: c.dueDiligence?.checkedOn ?? null, dueDiligenceOutcome: c.dueDiligence?.outcome ?? null, dueDiligenceNote: c.dueDiligence?.note ?? null,
      bidDeterminedOn: bid?.determinedOn ?? null, bidOutcome: bid?.outcome ?? null, bidNote: bid?.note ?? null, bidRecordedBy: bid ? ctx.user(bid.recordedBy) : null,
      bidApprovedBy: bid ? ctx.user(bid.approvedBy) : null, bidApprovedAt: bid ? demoAt(bid.approvedOn, 16) : null,
      version: c.events.length, createdAt: demoAt(c.requestedOn), createdBy: officer, updatedAt: demoAt(c.statusSince, 15), updatedBy: officer,
    });
    for (const m of c.members) members.push({ id: newId(), returnCaseId: id, personId: personId(m.person), relationship: m.relationship, createdAt: demoAt(c.requestedOn), createdBy: officer });
    // Events of a day keep their order: one minute apart from 10:00.
    c.events.forEach((e, i) => events.push({ id: newId(), returnCaseId: id, kind: e.kind, fromStatus: e.from, toStatus: e.to, note: e.note, details: JSON.stringify(e.kind === 'movement' && !e.to && c.movement ? { movementId: movementId(c.movement), reference: c.movement, seats: 1 + c.members.length } : {}), at: new Date(demoAt(e.on, 10).getTime() + i * 60_000), byUser: ctx.user(e.by) }));
    for (const d of c.travelDocuments) {
      const changed = d.issuedOn ?? d.requestedOn;
      documents.push({ id: newId(), returnCaseId: id, organisationId: ctx.org, type: d.type, consulate: d.consulate, requestedOn: d.requestedOn, issuedOn: d.issuedOn, number: d.number, expiresOn: d.expiresOn, status: d.status, version: d.status === 'requested' ? 1 : 2, createdAt: demoAt(d.requestedOn, 11), createdBy: officer, updatedAt: demoAt(changed, 11), updatedBy: officer });
    }
    for (const m of c.medicalChecks) checks.push({ id: newId(), returnCaseId: id, organisationId: ctx.org, examinedOn: m.examinedOn, outcome: m.outcome, escort: m.escort, conditions: m.conditions, createdAt: demoAt(m.examinedOn, 12), createdBy: ctx.user(m.by) });
    const a = c.arrival;
    if (a) {
      const arrivalId = newId();
      arrivals.push({
        id: arrivalId, personId: person, returnCaseId: id, movementId: c.movement ? movementId(c.movement) : null, organisationId: ctx.org, siteId: a.site ? ctx.site(a.site) : null, arrivedOn: a.arrivedOn,
        fromCountry: a.fromCountry, destinationPcode: a.destinationPcode, vulnerable: a.vulnerable, referralNeeds: a.referralNeeds, note: null, reintegrationCaseId: null,
        createdAt: demoAt(a.arrivedOn, 14), createdBy: officer, updatedAt: demoAt(a.arrivedOn, 14), updatedBy: officer,
      });
      for (const s of a.assistance) assistance.push({ id: newId(), arrivalId, organisationId: ctx.org, type: s.type, givenOn: s.givenOn, amountXof: s.amountXof, quantity: s.quantity, note: s.note, createdAt: demoAt(s.givenOn, 15), createdBy: officer });
    }
  }
  const movements: Rows<'movements'> = [], passengers: Rows<'movementPassengers'> = [];
  const desk = ctx.user('return.officer');
  for (const m of batch.movements) {
    const id = movementId(m.reference);
    const year = Number(m.reference.split('-')[1]);
    ctx.movementYears.set(year, Math.max(ctx.movementYears.get(year) ?? 0, Number(m.reference.split('-')[2])));
    const changed = m.arrivedOn ?? m.departedOn ?? m.createdOn;
    movements.push({
      id, reference: m.reference, kind: m.kind, direction: m.direction, status: m.status, departureDate: m.departureDate, arrivalDate: m.arrivalDate, carrier: m.carrier, seats: m.seats,
      legs: JSON.stringify(m.legs.map((l) => ({ from: l.from, to: l.to, departAt: l.departAt, ...(l.arriveAt ? { arriveAt: l.arriveAt } : {}), ...(l.carrierRef ? { carrierRef: l.carrierRef } : {}) }))),
      escorts: JSON.stringify(m.escorts), receptionSiteId: m.receptionSite ? ctx.site(m.receptionSite) : null, organisationId: ctx.org, departedOn: m.departedOn, arrivedOn: m.arrivedOn,
      version: m.status === 'planned' ? 1 : 3, createdAt: demoAt(m.createdOn), createdBy: desk, updatedAt: demoAt(changed, 17), updatedBy: desk,
    });
    for (const p of m.passengers) passengers.push({ id: newId(), movementId: id, returnCaseId: demoLookup(caseIds, 'return case')(p.caseNumber), seats: p.seats, departureStatus: p.departureStatus, noShowReason: p.noShowReason, arrived: p.arrived, createdAt: demoAt(m.createdOn, 12), createdBy: desk });
  }
  await ctx.rows.add('returnCases', cases);
  await ctx.rows.add('returnCaseMembers', members);
  await ctx.rows.add('returnCaseEvents', events);
  await ctx.rows.add('travelDocuments', documents);
  await ctx.rows.add('medicalChecks', checks);
  await ctx.rows.add('movements', movements);
  await ctx.rows.add('movementPassengers', passengers);
  await ctx.rows.add('arrivals', arrivals);
  await ctx.rows.add('arrivalAssistance', assistance);
}

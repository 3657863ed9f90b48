// The people registry (SPEC §4): register with a duplicate check, read (audited), edit, search.
import { sql } from 'kysely';
import {
  DEFAULT_DUPLICATE_RULES,
  ageGroupOn,
  newId,
  personMatchingKeys,
  type DocumentType,
  type Person,
  type PersonCreated,
  type PersonInput,
  type PersonPatch,
  type PeopleQuery,
  type PersonSummary,
} from '@taama/core';
import type { Db, Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { settingOver } from '../../platform/settings';
import { appendAudit, appendAuditLinked, AUDIT_HEAD_SEQ } from '../../platform/audit/audit';
import { actorOf, can, scopeFor, type RequestContext } from '../../platform/auth/context';
import { recordInScope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { assertVersion } from '../../platform/http/if-match';
import { DEFAULT_LIMIT, decodeCursor, pageOf } from '../../platform/http/paging';
import { allocateCaseNumber } from './case-numbers';
import { DUPLICATE_RULES_SETTING, MAX_DUPLICATES_SHOWN, possibleDuplicates, recordCandidates } from './duplicates.service';
import { presentSummary } from './people.present';
import { activeSummaries, consentsOf, documentKey, documentsOf, findPersonRow, groupsOf, hasPhoto, rankedByName, type PersonRow } from './people.repo';
import { normaliseBirthDate, todayUtc, validatePerson } from './people.validate';

type DocumentRow = Awaited<ReturnType<typeof documentsOf>>[number];
type ConsentRow = Awaited<ReturnType<typeof consentsOf>>[number];

interface PresentOptions {
  /** Created in this transaction: no group, no photo. */
  isNew?: boolean;
  /** A new record's documents and consents as written (read from the database when absent). */
  documents?: DocumentRow[];
  consents?: ConsentRow[];
}

/** The full API view of a person row, with what hangs off it and the caller's abilities. */
export async function presentPerson(tx: Tx, ctx: RequestContext, row: PersonRow, options: PresentOptions = {}): Promise<Person> {
  // A record created in this transaction has no group and no photo yet, and its creator passes the
  // documents and consents it has just written: no round trip at all.
  const [documents, consents, groups, photo] = await Promise.all([
    options.isNew && options.documents ? Promise.resolve(options.documents) : documentsOf(tx, row.id),
    options.isNew && options.consents ? Promise.resolve(options.consents) : consentsOf(tx, row.id),
    options.isNew ? Promise.resolve([]) : groupsOf(tx, row.id),
    options.isNew ? Promise.resolve(false) : hasPhoto(tx, row.id),
  ]);
  const active = row.status === 'active';
  return {
    id: row.id,
    caseNumber: row.caseNumber,
    status: row.status as Person['status'],
    mergedIntoId: row.mergedIntoId,
    givenName: row.givenName,
    familyName: row.familyName,
    otherNames: row.otherNames,
    nameArabic: row.nameArabic,
    sex: row.sex as Person['sex'],
    dateOfBirth: row.dateOfBirth,
    dobPrecision: row.dobPrecision as Person['dobPrecision'],
    birthYear: row.birthYear,
    ageGroup: row.dateOfBirth ? ageGroupOn(row.dateOfBirth, todayUtc()) : null,
    nationality: row.nationality,
    birthCountry: row.birthCountry,
    birthPlace: row.birthPlace,
    languages: row.languages,
    phones: row.phones,
    originPcode: row.originPcode,
    documents: documents.map((d) => ({ ...d, type: d.type as DocumentType })),
    hasPhoto: photo,
    consents: consents.map((c) => ({ ...c, kind: c.kind as Person['consents'][number]['kind'], method: c.method as Person['consents'][number]['method'], createdAt: new Date(c.createdAt).toISOString() })),
    groups: groups.map((g) => ({ id: g.id, kind: g.kind as Person['groups'][number]['kind'], name: g.name, version: g.version, members: g.members.map((m) => ({ ...m, relationship: m.relationship as Person['groups'][number]['members'][number]['relationship'] })) })),
    organisationId: row.organisationId,
    siteId: row.siteId,
    siteName: row.siteName,
    registeredOn: row.registeredOn,
    abilities: {
      update: active && can(ctx, 'person.update'),
      merge: active && can(ctx, 'person.merge'),
      openTransitCase: active && can(ctx, 'transitCase.create'),
      viewPhoto: photo && ctx.maxSensitivity === 'sensitive',
    },
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * The site a registration belongs to: the one named, else the caller's; it must be within reach.
 * The duplicate-matching rules in force come with it, in the same round trip.
 */
async function registrationSite(tx: Db | Tx, ctx: RequestContext, siteId: string | undefined) {
  const id = siteId ?? ctx.user.siteId;
  if (!id) throw new Invalid({ siteId: 'is required: you are not attached to a site' });
  const site = await tx
    .selectFrom('sites')
    .select(['id', 'organisationId', 'pcode', 'active', 'name'])
    .select((eb) => eb.selectFrom('settings').select('value').where('key', '=', DUPLICATE_RULES_SETTING).as('duplicateRules'))
    .where('id', '=', id)
    .executeTakeFirst();
  const reach = scopeFor(ctx, 'person.create');
  if (!site || !site.active || !recordInScope(reach, { organisationId: site.organisationId, siteId: site.id, pcode: site.pcode, ownerId: ctx.user.id })) {
    throw new Invalid({ siteId: 'must be an active site you work for' });
  }
  return site;
}

/** Replaces a person's documents; returns them as written, in `documentsOf`'s order. */
async function replaceDocuments(tx: Tx, personId: string, documents: PersonInput['documents'], options: { isNew?: boolean } = {}): Promise<DocumentRow[]> {
  if (!options.isNew) await tx.deleteFrom('identityDocuments').where('personId', '=', personId).execute();
  if (!documents || documents.length === 0) return [];
  const written = await tx
    .insertInto('identityDocuments')
    .values(documents.map((d) => ({ id: newId(), personId, type: d.type, number: d.number ?? null, numberKey: documentKey(d.number), issuingCountry: d.issuingCountry ?? null, expiryDate: d.expiryDate ?? null })))
    .returning(['id', 'type', 'number', 'issuingCountry', 'expiryDate'])
    .execute();
  // uuid order in PostgreSQL is the order of their lower-case text
  return written.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Registers a person, reports possible duplicates, and queues them for review. */
export async function registerPerson(ctx: RequestContext, input: PersonInput): Promise<PersonCreated> {
  validatePerson(input);
  const site = await registrationSite(ctx.db, ctx, input.siteId);
  // No stored setting reads as SQL null: the defaults then apply, as duplicateRules() does.
  const rules = settingOver(site.duplicateRules ?? undefined, DEFAULT_DUPLICATE_RULES);
  const registeredOn = input.registeredOn ?? todayUtc();
  const dobPrecision = input.dobPrecision ?? 'exact';
  const dateOfBirth = normaliseBirthDate(input.dateOfBirth, dobPrecision);
  // The number is taken in one autocommitted statement before the registration's transaction:
  // allocating it inside held the series row's lock until commit, so every registration of a site
  // waited for the one before (about 10 a second). A registration that then fails leaves a gap in
  // the series; a number is still never reused.
  const caseNumber = await allocateCaseNumber(ctx.db, site.id, registeredOn, 'person');
  const created = await inTransaction(ctx.db, async (tx) => {
    const id = input.id ?? newId();
    const phones = [...new Set([...(input.phones ?? []), ...(input.phone ? [input.phone] : [])])];
    const inserted = await tx
      .insertInto('people')
      .values({
        id,
        caseNumber,
        givenName: input.givenName.trim(),
        familyName: input.familyName.trim(),
        otherNames: input.otherNames ?? [],
        nameArabic: input.nameArabic ?? null,
        sex: input.sex,
        dateOfBirth,
        dobPrecision,
        birthYear: dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : null,
        nationality: input.nationality,
        birthCountry: input.birthCountry ?? null,
        birthPlace: input.birthPlace ?? null,
        languages: input.languages ?? [],
        phones,
        originPcode: input.originPcode ?? null,
        ...personMatchingKeys(input),
        organisationId: site.organisationId,
        siteId: site.id,
        regionPcode: input.originPcode ?? site.pcode,
        ownerId: ctx.user.id,
        registeredOn,
        createdBy: ctx.user.id,
        updatedBy: ctx.user.id,
      })
      .returningAll()
      .returning(AUDIT_HEAD_SEQ.as('auditHeadSeq'))
      .executeTakeFirstOrThrow();
    // The row as written, with its site's name: what findPersonRow would read back.
    const { auditHeadSeq, ...written } = inserted;
    const row: PersonRow = { ...written, siteName: site.name };
    const documents = await replaceDocuments(tx, id, input.documents, { isNew: true });
    const consents: ConsentRow[] = [];
    if (input.consent) {
      const consent = await tx
        .insertInto('consents')
        .values({ id: newId(), personId: id, kind: 'registration', organisationId: null, method: input.consent.method, givenOn: input.consent.givenOn ?? registeredOn, withdrawnOn: null, note: null, recordedBy: ctx.user.id })
        .returning(['id', 'personId', 'kind', 'organisationId', 'method', 'givenOn', 'withdrawnOn', 'note', 'createdAt'])
        .executeTakeFirstOrThrow();
      consents.push({ ...consent, organisationName: null, recordedBy: ctx.user.displayName });
    }
    const probe = { ...input, phones, dateOfBirth, dobPrecision, documentNumbers: (input.documents ?? []).map((d) => d.number ?? '') };
    const found = await possibleDuplicates(tx, ctx, probe, id, rules);
    await recordCandidates(tx, id, found);
    const person = await presentPerson(tx, ctx, row, { isNew: true, documents, consents });
    // Last: the audit entry takes the chain's lock until commit, so every other statement of the
    // registration runs before it and concurrent registrations wait only for a link and a commit.
    const link = await appendAuditLinked(tx, actorOf(ctx), { action: 'person.create', entityType: 'person', entityId: id, details: { caseNumber, possibleDuplicates: found.map((d) => d.id) } });
    const between = { afterSeq: Number(auditHeadSeq), beforeSeq: link.seq };
    return { person: { ...person, possibleDuplicates: found }, probe, between, overlapped: link.prevSeq !== between.afterSeq };
  });
  if (!created.overlapped) return created.person;
  // Audited transactions committed between this registration's insert and its audit entry: one of
  // them may have registered the same person, which the check (READ COMMITTED) could not see yet.
  // Registrations commit in the order of their audit entries, so of two overlapping ones the later
  // always gets here and, checking after its commit the people registered in that stretch of the
  // chain, sees the earlier: every pair reaches the review queue, and no lock is held across a check.
  const { person, probe, between } = created;
  const late = await possibleDuplicates(ctx.db, ctx, probe, person.id, rules, between);
  if (late.length === 0) return person;
  await recordCandidates(ctx.db, person.id, late);
  const all = [...person.possibleDuplicates, ...late.filter((d) => !person.possibleDuplicates.some((e) => e.id === d.id))];
  return { ...person, possibleDuplicates: all.sort((a, b) => b.score - a.score).slice(0, MAX_DUPLICATES_SHOWN) };
}

/** One person in the caller's scope; the read is audited (SPEC §3). */
export async function getPerson(ctx: RequestContext, id: string): Promise<Person> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await findPersonRow(tx, ctx.scope, id);
    if (!row) throw new NotFound('Person');
    await appendAudit(tx, actorOf(ctx), { action: 'person.read', entityType: 'person', entityId: id });
    return presentPerson(tx, ctx, row);
  });
}

/** Edits a person at the version the caller saw; names re-key the record for matching. */
export async function updatePerson(ctx: RequestContext, id: string, version: number, patch: PersonPatch): Promise<Person> {
  validatePerson(patch);
  return inTransaction(ctx.db, async (tx) => {
    const current = await findPersonRow(tx, ctx.scope, id, { lock: true });
    if (!current) throw new NotFound('Person');
    assertVersion(current.version, version);
    if (current.status !== 'active') throw new Invalid({ status: `a ${current.status} record cannot be edited` });
    const { documents, ...fields } = patch;
    const names = { givenName: fields.givenName ?? current.givenName, familyName: fields.familyName ?? current.familyName, otherNames: fields.otherNames ?? current.otherNames };
    const dobPrecision = fields.dobPrecision ?? current.dobPrecision;
    const dateOfBirth = 'dateOfBirth' in fields ? normaliseBirthDate(fields.dateOfBirth, dobPrecision) : normaliseBirthDate(current.dateOfBirth, dobPrecision);
    await tx
      .updateTable('people')
      .set({
        ...fields,
        ...personMatchingKeys(names),
        dateOfBirth,
        dobPrecision,
        birthYear: dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : null,
        updatedAt: new Date(),
        updatedBy: ctx.user.id,
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .execute();
    if (documents) await replaceDocuments(tx, id, documents);
    await appendAudit(tx, actorOf(ctx), { action: 'person.update', entityType: 'person', entityId: id, details: { fields: Object.keys(patch) } });
    const row = await findPersonRow(tx, { kind: 'all' }, id);
    if (!row) throw new Error('edited person vanished inside its transaction');
    return presentPerson(tx, ctx, row);
  });
}

const CASE_NUMBER = /^[A-Z]{2}-[A-Z]{2,5}-/i;
const PHONE_OR_DOCUMENT = /^\+?[0-9 ]{6,}$|^[A-Z]{1,3}[0-9]{4,}$/i;
const MAX_RANKED = 200;

/** A page of active people in scope: newest first, or ranked by match score when searched. */
export async function searchPeople(ctx: RequestContext, query: PeopleQuery): Promise<{ items: PersonSummary[]; nextCursor: string | null }> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  // Built on the connection it runs on: inside the search transaction a query built on the pool
  // would wait for a second connection the embedded database never gives (pool of one).
  const filtered = (db: Db | Tx) => activeSummaries(db, ctx.scope, query);
  const text = query.q?.trim();
  if (!text) {
    let q = filtered(ctx.db);
    const after = decodeCursor(query.cursor, ['string', 'string']);
    if (after) q = q.where(sql<boolean>`(p.registered_on, p.id) < (${String(after[0])}::date, ${String(after[1])}::uuid)`);
    const rows = await q.orderBy('p.registeredOn', 'desc').orderBy('p.id', 'desc').limit(limit + 1).execute();
    return pageOf(rows, limit, (r) => [r.personRegisteredOn, r.personId], (r) => presentSummary(r));
  }
  return inTransaction(ctx.db, async (tx) => {
    const q = filtered(tx);
    const offset = Number(decodeCursor(query.cursor, ['number'])?.[0] ?? 0);
    let ranked: { row: Awaited<ReturnType<typeof q.execute>>[number]; score: number }[];
    if (CASE_NUMBER.test(text)) {
      const rows = await q.where('p.caseNumber', 'like', `${text.toUpperCase().replace(/[\\%_]/g, '')}%`).orderBy('p.caseNumber').limit(MAX_RANKED).execute();
      ranked = rows.map((row) => ({ row, score: 1 }));
    } else if (PHONE_OR_DOCUMENT.test(text)) {
      const digits = text.replace(/\s/g, '').replace(/^\+/, '');
      const key = documentKey(text);
      // Whole numbers first, through the phones and document indexes; a partial number (no country
      // code) falls back to a suffix match, which reads every row in scope.
      const byIndex = sql<boolean>`(p.phones && ${sql.val([`+${digits}`, digits])}::text[] or p.id = any(array(select d.person_id from identity_documents d where d.number_key = ${key ?? ''})))`;
      let rows = await q.where(byIndex).limit(MAX_RANKED).execute();
      if (rows.length === 0) rows = await q.where(sql<boolean>`exists (select 1 from unnest(p.phones) ph where ph like ${`%${digits}`})`).limit(MAX_RANKED).execute();
      ranked = rows.map((row) => ({ row, score: 1 }));
    } else {
      const rows = await rankedByName(tx, ctx.scope, query, text, MAX_RANKED);
      ranked = rows.map((row) => ({ row, score: Math.round(row.rank * 1000) / 1000 }));
    }
    await appendAudit(tx, actorOf(ctx), { action: 'person.search', details: { q: text, results: ranked.length } });
    const slice = ranked.slice(offset, offset + limit + 1);
    const page = pageOf(slice, limit, () => [offset + limit], ({ row, score }) => presentSummary(row, score));
    return page;
  });
}

// Records the security tests look for: two people with unmistakable names, phones and birth dates,
// their cases in protection, returns and reintegration, and sensitive texts (screening notes, a
// sensitive case note, a medical condition, an incident reporter) carrying a marker. A scan of any
// answer for these markers tells whether personal or sensitive data reached a role it must not.
import { randomBytes } from 'node:crypto';
import { newId, PERMISSIONS, personMatchingKeys } from '@taama/core';
import { bearer, type Harness } from '../harness';

/** Letters only, so the value passes name validation and survives case folding. */
function letters(n: number): string {
  return Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
}

export interface Fixtures {
  /** A super user (every permission, all scope, sensitive ceiling) of IOM at the Gao site. */
  root: { token: string; id: string };
  p1: { id: string; givenName: string; familyName: string; phone: string; dateOfBirth: string; caseNumber: string };
  p2: { id: string; givenName: string; familyName: string; phone: string; dateOfBirth: string; caseNumber: string };
  transitCase: { id: string; caseNumber: string };
  returnCase: { id: string; caseNumber: string };
  reintegrationCase: { id: string; caseNumber: string };
  incident: { id: string };
  gaoSite: string;
  /** Strings only roles with `person.read` (and the record in scope) may ever receive. */
  personal: string[];
  /** Strings only roles cleared for `sensitive` may ever receive. */
  sensitive: string[];
}

async function send(h: Harness, token: string, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object): Promise<Record<string, unknown>> {
  const res = await h.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), payload });
  if (res.statusCode >= 300) throw new Error(`fixture ${method} ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown>;
}

/** Creates the fixtures through the API, as a real user would. */
export async function makeFixtures(h: Harness): Promise<Fixtures> {
  const root = await h.userWith({ permissions: [...PERMISSIONS], scope: 'all', maxSensitivity: 'sensitive', site: 'gao' });
  const gaoSite = await h.siteId('gao');
  const today = new Date().toISOString().slice(0, 10);
  const person = async (nationality: string, dateOfBirth: string) => {
    const givenName = `Zy${letters(8)}`;
    const familyName = `Qw${letters(8)}`;
    const phone = `+2237${String(1_000_000 + (randomBytes(3).readUIntBE(0, 3) % 8_999_999)).padStart(7, '0')}`;
    // Inserted directly, like the protection tests do: registration through the API on a fresh embedded
    // database sometimes fails with the engine's "bad buffer ID" (reported), which is not what these tests are about.
    const id = newId();
    const caseNumber = `ML-SEC-2026-${String(randomBytes(3).readUIntBE(0, 3)).padStart(8, '0')}`;
    await h.database.db
      .insertInto('people')
      .values({
        id,
        caseNumber,
        mergedIntoId: null,
        givenName,
        familyName,
        nameArabic: null,
        sex: 'female',
        dateOfBirth,
        birthYear: Number(dateOfBirth.slice(0, 4)),
        nationality,
        phones: [phone],
        birthCountry: null,
        birthPlace: null,
        originPcode: null,
        ...personMatchingKeys({ givenName, familyName }),
        organisationId: await h.orgId('iom'),
        siteId: gaoSite,
        regionPcode: 'ML07',
        ownerId: null,
        registeredOn: today,
        createdBy: root.id,
        updatedBy: root.id,
      })
      .execute();
    const body = { id, caseNumber };
    return { id: String(body.id), givenName, familyName, phone, dateOfBirth, caseNumber: String(body.caseNumber) };
  };
  const p1 = await person('NER', '1931-07-19');
  const p2 = await person('MLI', '1933-03-27');
  const sens = `Sx${letters(10)}`;

  const tc = await send(h, root.token, 'POST', '/transit-cases', { personId: p1.id, siteId: gaoSite, openedOn: today });
  const transitCase = { id: String(tc.id), caseNumber: String(tc.caseNumber) };
  await send(h, root.token, 'POST', `/transit-cases/${transitCase.id}/services`, { type: 'food', date: today });
  await send(h, root.token, 'POST', `/transit-cases/${transitCase.id}/screenings`, { flags: ['victim_of_trafficking'], notes: `${sens} screening` });
  await send(h, root.token, 'POST', `/transit-cases/${transitCase.id}/notes`, { body: `${sens} case note`, sensitive: true });

  const rc = await send(h, root.token, 'POST', '/returns', { personId: p2.id, direction: 'inbound', destinationCountry: 'MLI', destinationPcode: 'ML0101', fromCountry: 'NER', siteId: gaoSite });
  const returnCase = { id: String(rc.id), caseNumber: String(rc.caseNumber) };
  await send(h, root.token, 'POST', `/returns/${returnCase.id}/medical-checks`, { examinedOn: today, outcome: 'fit_to_travel', escort: 'none', conditions: `${sens} condition` });

  const ri = await send(h, root.token, 'POST', '/reintegration-cases', { personId: p2.id, regionPcode: 'ML01' });
  const reintegrationCase = { id: String(ri.id), caseNumber: String(ri.caseNumber) };

  // An AECID incident, so the AECID awareness officer (organisation scope, internal ceiling) reads it.
  const aecidMobility = await h.userWith({ permissions: ['mobility.read', 'mobility.manage'], scope: 'organisation', organisation: 'aecid', maxSensitivity: 'sensitive' });
  const inc = await send(h, aecidMobility.token, 'POST', '/mobility/incidents', {
    occurredOn: today,
    place: { name: 'Diboli' },
    corridor: 'bamako_dakar',
    agency: 'police',
    types: ['extortion'],
    documentsPresented: ['passport'],
    victimsCount: 1,
    reporter: { anonymous: false, name: `${sens} reporter`, phone: '+223 70 00 00 01' },
  });

  return {
    root: { token: root.token, id: root.id },
    p1,
    p2,
    transitCase,
    returnCase,
    reintegrationCase,
    incident: { id: String(inc.id) },
    gaoSite,
    personal: [p1.givenName, p1.familyName, p1.phone, p1.dateOfBirth, p1.caseNumber, p2.givenName, p2.familyName, p2.phone, p2.dateOfBirth, p2.caseNumber].map((s) => s.toLowerCase()),
    sensitive: [sens.toLowerCase()],
  };
}

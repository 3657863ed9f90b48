// Helpers of the free-movement tests: records made through the API.
import { unique, type Harness } from '../../../test/harness';
import { send, type TestUser } from '../awareness/test-awareness';

/** Creates a border post through the API and returns its id. */
export async function makeBorderPost(h: Harness, user: TestUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await send(h, user.token, 'POST', '/mobility/border-posts', { name: unique('Poste '), pcode: 'ML0103', neighbourCountry: 'SEN', type: 'land_border', corridor: 'bamako_dakar', lat: 14.4, lon: -12.1, ...overrides });
  if (res.statusCode !== 201) throw new Error(`border post: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Creates an institution through the API and returns its id. */
export async function makeInstitution(h: Harness, user: TestUser, kind = 'police'): Promise<string> {
  const res = await send(h, user.token, 'POST', '/mobility/institutions', { name: unique('Commissariat '), kind });
  if (res.statusCode !== 201) throw new Error(`institution: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** Creates a training through the API and returns its id. */
export async function makeTraining(h: Harness, user: TestUser, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await send(h, user.token, 'POST', '/mobility/trainings', { title: unique('Gestion des frontières '), topic: 'integrated_border_management', startsOn: '2019-10-07', endsOn: '2019-10-11', days: 5, place: 'Kayes', pcode: 'ML0103', ...overrides });
  if (res.statusCode !== 201) throw new Error(`training: ${res.statusCode} ${res.body}`);
  return (res.json() as { id: string }).id;
}

/** A valid incident body at a border post. */
export function incidentBody(borderPostId: string, overrides: Record<string, unknown> = {}) {
  return { occurredOn: '2020-08-14', borderPostId, corridor: 'bamako_dakar', agency: 'police', types: ['extortion'], amountDemandedXof: 5000, documentsPresented: ['ecowas_card'], victimNationality: 'MLI', victimSex: 'male', victimsCount: 1, reporter: { anonymous: false, name: 'Boubacar Sow', phone: '+223 70 11 22 33' }, ...overrides };
}

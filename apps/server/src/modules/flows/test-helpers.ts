// Helpers for the flows integration tests: a valid count, multipart bodies, CSV text.
import { randomBytes } from 'node:crypto';
import type { FlowCountInput } from '@taama/core';

/** A consistent flow count; tests override what they check. */
export function countInput(overrides: Partial<FlowCountInput> = {}): FlowCountInput {
  return {
    fmpId: 'ML-FMP-06',
    date: '2022-03-10',
    observationWindow: 'full_day',
    direction: 'outgoing',
    originCountry: 'MLI',
    nextDestinationCountry: 'NER',
    finalDestinationCountry: 'DZA',
    transportMode: 'bus',
    movementType: 'economic_long_term',
    men: 10,
    women: 4,
    boys: 3,
    girls: 2,
    sexAgeUnknown: 1,
    total: 20,
    childrenUnder5: 1,
    unaccompaniedChildren: 0,
    pregnantWomen: 1,
    elderly60plus: 1,
    personsWithDisability: 0,
    nationalities: [{ country: 'MLI', count: 15 }],
    collectionMethod: 'direct_observation',
    enumeratorId: 'enum-01',
    ...overrides,
  };
}

/** A multipart/form-data body with text fields then one file. */
export function multipart(fields: Record<string, string>, file: { name: string; content: Buffer | string; type?: string } | null): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----taama${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`));
    chunks.push(typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const SNAKE_HEADER = 'fmp_id,date,direction,origin_country,final_destination_country,transport_mode,men,women,boys,girls,sex_age_unknown,total';

/** A CSV line in the snake_case layout above. */
export function snakeRow(o: { fmp?: string; date?: string; direction?: string; men?: number; women?: number; boys?: number; girls?: number; unknown?: number; total?: number; dest?: string }): string {
  const men = o.men ?? 5;
  const women = o.women ?? 3;
  const boys = o.boys ?? 1;
  const girls = o.girls ?? 1;
  const unknown = o.unknown ?? 0;
  const total = o.total ?? men + women + boys + girls + unknown;
  return [o.fmp ?? 'ML-FMP-06', o.date ?? '2022-04-01', o.direction ?? 'outgoing', 'MLI', o.dest ?? 'DZA', 'truck', men, women, boys, girls, unknown, total].join(',');
}

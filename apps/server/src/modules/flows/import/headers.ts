// Recognises the columns of an import file: a saved or given mapping first, then Taama's own names
// (camelCase, snake_case of flow-schemas.md, English labels, HXL tags of Taama's export), with
// KoboToolbox's `group/field` paths and select_multiple option columns (`reasons/economic`).
import { flowFields, foldHeader, type FlowField, type ImportKind } from '@taama/core';

/** What one column of the file feeds. */
export type ColumnRole =
  | { kind: 'field'; field: FlowField }
  | { kind: 'option'; field: FlowField; code: string }
  | { kind: 'rowKey'; source: 'rootUuid' | 'koboId' }
  | { kind: 'ignored' };

export interface ColumnPlan {
  roles: ColumnRole[];
  recognised: Record<string, string>;
  unrecognised: string[];
  /** True when the second row of the file is an HXL hashtag row (skipped as data). */
  hxlRow: boolean;
}

/** French column names field teams commonly use, folded (labels of Taama's French forms). */
const FRENCH_ALIASES: Record<string, string> = {
  point_de_suivi: 'fmpId',
  code_fmp: 'fmpId',
  hommes: 'men',
  femmes: 'women',
  garcons: 'boys',
  filles: 'girls',
  sexe_age_inconnu: 'sexAgeUnknown',
  pays_d_origine: 'originCountry',
  pays_de_provenance: 'originCountry',
  prochaine_destination: 'nextDestinationCountry',
  destination_finale: 'finalDestinationCountry',
  moyen_de_transport: 'transportMode',
  type_de_mouvement: 'movementType',
  enfants_de_moins_de_5_ans: 'childrenUnder5',
  enfants_non_accompagnes: 'unaccompaniedChildren',
  femmes_enceintes: 'pregnantWomen',
  personnes_agees: 'elderly60plus',
  personnes_handicapees: 'personsWithDisability',
  enqueteur: 'enumeratorId',
  consentement: 'consent',
  nationalite: 'nationality',
  raisons: 'reasons',
};

/** Normalises an HXL tag for comparison: lower case, attributes sorted. */
export function normaliseHxl(tag: string): string {
  const [hashtag = '', ...attributes] = tag.trim().toLowerCase().split('+');
  return [hashtag, ...attributes.filter(Boolean).sort()].join('+');
}

function lookup(fields: readonly FlowField[]): Map<string, FlowField> {
  const map = new Map<string, FlowField>();
  for (const field of fields) {
    map.set(field.name.toLowerCase(), field);
    map.set(field.column, field);
    map.set(foldHeader(field.label), field);
  }
  for (const [alias, name] of Object.entries(FRENCH_ALIASES)) {
    const field = fields.find((f) => f.name === name);
    if (field && !map.has(alias)) map.set(alias, field);
  }
  return map;
}

/** Tells whether a row is an HXL hashtag row (every non-empty cell starts with #, at least one). */
export function isHxlRow(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return filled.length > 0 && filled.every((c) => c.startsWith('#'));
}

/** Works out what each column feeds, from the header row, an optional HXL row and a mapping. */
export function planColumns(kind: ImportKind, headers: readonly string[], hxl: readonly string[] | null, mapping: Record<string, string>): ColumnPlan {
  const fields = flowFields(kind);
  const byName = lookup(fields);
  const byHxl = new Map(fields.filter((f) => f.hxl).map((f) => [normaliseHxl(f.hxl ?? ''), f]));
  const byField = new Map(fields.map((f) => [f.name, f]));
  const roles: ColumnRole[] = [];
  const recognised: Record<string, string> = {};
  const unrecognised: string[] = [];
  const taken = new Set<string>();
  headers.forEach((rawHeader, index) => {
    const header = rawHeader.trim();
    const role = roleOf(header, hxl?.[index] ?? null, mapping, byName, byHxl, byField);
    const target = role.kind === 'field' ? role.field.name : role.kind === 'option' ? `${role.field.name}/${role.code}` : role.kind === 'rowKey' ? `(row key: ${role.source})` : null;
    if (target && role.kind === 'field' && taken.has(target)) {
      // A second column for the same field (e.g. label and code): the first one wins.
      roles.push({ kind: 'ignored' });
      unrecognised.push(header);
      return;
    }
    if (target) taken.add(target);
    roles.push(role);
    if (target) recognised[header] = target;
    else if (header !== '') unrecognised.push(header);
  });
  return { roles, recognised, unrecognised, hxlRow: hxl !== null };
}

function roleOf(
  header: string,
  hxl: string | null,
  mapping: Record<string, string>,
  byName: Map<string, FlowField>,
  byHxl: Map<string, FlowField>,
  byField: Map<string, FlowField>,
): ColumnRole {
  const mapped = mapping[header];
  if (mapped !== undefined) {
    if (mapped === '' || mapped === '-') return { kind: 'ignored' };
    const [name = '', code] = mapped.split('/');
    const field = byField.get(name);
    if (field && code && field.type === 'enum_list' && field.codes?.includes(code)) return { kind: 'option', field, code };
    if (field) return { kind: 'field', field };
  }
  if (header === 'meta/rootUuid' || header === 'meta/instanceID') return { kind: 'rowKey', source: 'rootUuid' };
  if (header === '_id') return { kind: 'rowKey', source: 'koboId' };
  if (header.startsWith('_') || header.startsWith('meta/')) return { kind: 'ignored' };
  if (hxl) {
    const field = byHxl.get(normaliseHxl(hxl));
    if (field) return { kind: 'field', field };
  }
  // Kobo group paths: the last segment is the question, unless it is an option of a select_multiple.
  const segments = header.split('/').filter(Boolean);
  if (segments.length >= 2) {
    const question = byName.get(foldHeader(segments[segments.length - 2] ?? ''));
    const option = segments[segments.length - 1] ?? '';
    if (question?.type === 'enum_list' && question.codes?.includes(option)) return { kind: 'option', field: question, code: option };
  }
  const last = segments[segments.length - 1] ?? header;
  const field = byName.get(foldHeader(last)) ?? byName.get(last.toLowerCase()) ?? byHxl.get(normaliseHxl(header));
  return field ? { kind: 'field', field } : { kind: 'ignored' };
}

// Turns the text cells of one file row into a typed record, field by field, collecting every
// problem with the field it concerns; the consistency rules of core run afterwards.
import { foldHeader, isUuid, type FieldError, type FlowField } from '@taama/core';
import type { ColumnPlan, ColumnRole } from './headers';

/** A row converted to the record's fields (camelCase), plus what identifies it across imports. */
export interface ConvertedRow {
  values: Record<string, unknown>;
  errors: FieldError[];
  /** The Kobo submission id or root UUID, when the file carries one. */
  externalKey: string | null;
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'oui', 'o', 'vrai', 'x']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'non', 'faux']);

/** French and English words for some codes, as label exports write them (folded). */
const VALUE_ALIASES: Record<string, string> = {
  entrant: 'incoming',
  entree: 'incoming',
  sortant: 'outgoing',
  sortie: 'outgoing',
  inconnu: 'unknown',
  a_pied: 'on_foot',
  moto: 'motorcycle',
  camion: 'truck',
  voiture: 'car',
  velo: 'bicycle',
  bateau: 'boat',
  avion: 'plane',
  autre: 'other',
  homme: 'male',
  femme: 'female',
  journee_complete: 'full_day',
  matin: 'morning',
  apres_midi: 'afternoon',
  observation_directe: 'direct_observation',
  informateur_cle: 'key_informant',
  entretien_voyageur: 'traveller_interview',
  brouillon: 'draft',
  soumis: 'submitted',
  valide: 'validated',
};

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A date cell: YYYY-MM-DD, a Kobo date-time (date part), or DD/MM/YYYY as French spreadsheets write it. */
export function parseDate(text: string): string | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso?.[1]) return isRealDate(iso[1]) ? iso[1] : undefined;
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (fr) {
    const value = `${fr[3]}-${(fr[2] ?? '').padStart(2, '0')}-${(fr[1] ?? '').padStart(2, '0')}`;
    return isRealDate(value) ? value : undefined;
  }
  return undefined;
}

/** An enum cell: the code itself, or a label that folds to the code or to a known French/English word. */
export function parseCode(text: string, codes: readonly string[]): string | undefined {
  if (codes.includes(text)) return text;
  const folded = foldHeader(text);
  if (codes.includes(folded)) return folded;
  const alias = VALUE_ALIASES[folded];
  return alias && codes.includes(alias) ? alias : undefined;
}

/** Nationalities as `MLI:12 GIN:5` (also `=`, `,` or `;` separated) or a JSON array of {country, count}. */
export function parseNationalities(text: string): { country: string; count: number }[] | string {
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'object' && p !== null && typeof (p as { country?: unknown }).country === 'string' && Number.isInteger((p as { count?: unknown }).count))) {
        return (parsed as { country: string; count: number }[]).map((p) => ({ country: p.country.toUpperCase(), count: p.count }));
      }
    } catch {
      // reported below
    }
    return 'must be ISO3:count pairs, e.g. "MLI:12 GIN:5"';
  }
  const result: { country: string; count: number }[] = [];
  for (const part of text.split(/[\s,;|]+/).filter(Boolean)) {
    const m = /^([A-Za-z]{3})[:=](\d{1,7})$/.exec(part);
    if (!m?.[1]) return `"${part}" is not an ISO3:count pair, e.g. MLI:12`;
    result.push({ country: m[1].toUpperCase(), count: Number(m[2]) });
  }
  return result;
}

/** Converts one cell for a field; returns the value or an error message. */
export function parseCell(field: FlowField, text: string, known: { countries: ReadonlySet<string> }): { value: unknown } | { error: string } {
  switch (field.type) {
    case 'string':
      if (field.name === 'id' && !isUuid(text)) return { error: 'must be a UUID' };
      return text.length > 4000 ? { error: 'is longer than 4000 characters' } : { value: text };
    case 'integer': {
      const m = /^(-?\d{1,9})(?:\.0+)?$/.exec(text.replace(/\s/g, ''));
      if (!m?.[1]) return { error: `must be a whole number, not "${text}"` };
      const n = Number(m[1]);
      return n < 0 ? { error: 'must be 0 or more' } : { value: n };
    }
    case 'date': {
      const date = parseDate(text);
      return date ? { value: date } : { error: `must be a date YYYY-MM-DD, not "${text}"` };
    }
    case 'time': {
      const m = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/.exec(text);
      return m ? { value: `${(m[1] ?? '').padStart(2, '0')}:${m[2]}` } : { error: 'must be a time HH:MM' };
    }
    case 'boolean': {
      const folded = foldHeader(text);
      if (TRUE.has(folded)) return { value: true };
      if (FALSE.has(folded)) return { value: false };
      return { error: `must be yes/no (or 1/0), not "${text}"` };
    }
    case 'country': {
      const code = text.toUpperCase();
      return /^[A-Z]{3}$/.test(code) && known.countries.has(code) ? { value: code } : { error: `"${text}" is not an ISO 3166 alpha-3 country code (OOO = unknown)` };
    }
    case 'pcode': {
      const code = text.toUpperCase();
      return /^[A-Z]{2}\d{0,6}$/.test(code) ? { value: code } : { error: `"${text}" is not a P-code` };
    }
    case 'enum': {
      const code = parseCode(text, field.codes ?? []);
      return code ? { value: code } : { error: `"${text}" is not one of ${(field.codes ?? []).join(', ')}` };
    }
    case 'enum_list': {
      const values: string[] = [];
      for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
        const code = parseCode(part, field.codes ?? []);
        if (!code) return { error: `"${part}" is not one of ${(field.codes ?? []).join(', ')}` };
        if (!values.includes(code)) values.push(code);
      }
      return { value: values };
    }
    case 'nationalities': {
      const parsed = parseNationalities(text);
      if (typeof parsed === 'string') return { error: parsed };
      const unknown = parsed.find((p) => !known.countries.has(p.country));
      return unknown ? { error: `${unknown.country} is not an ISO 3166 alpha-3 country code` } : { value: parsed };
    }
  }
}

/** How many distinct texts a column remembers the conversion of (dates, codes, countries repeat a lot). */
const MEMO_LIMIT = 4096;

type CellResult = { value: unknown } | { error: string };

/** A whole number written plainly (what nearly every count cell is), without a regular expression; else undefined. */
function plainCount(text: string): number | undefined {
  const n = text.length;
  if (n === 0 || n > 9) return undefined;
  let value = 0;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    value = value * 10 + c;
  }
  return value;
}

/** parseCell for one column, remembering the result per text for types whose value is shared safely (strings, numbers, booleans). */
function cellConverter(field: FlowField, known: { countries: ReadonlySet<string> }): (text: string) => CellResult {
  if (field.type === 'integer') {
    return (text) => {
      const n = plainCount(text);
      return n === undefined ? parseCell(field, text, known) : { value: n };
    };
  }
  // Lists are fresh arrays per row (later steps may change them); strings are checked as they come.
  if (field.type === 'enum_list' || field.type === 'nationalities' || field.type === 'string') return (text) => parseCell(field, text, known);
  const memo = new Map<string, CellResult>();
  return (text) => {
    let result = memo.get(text);
    if (result === undefined) {
      result = parseCell(field, text, known);
      if (memo.size < MEMO_LIMIT) memo.set(text, result);
    }
    return result;
  };
}

/**
 * Compiles the column plan into a row converter: each column's conversion is chosen once, and
 * conversions of repeated texts are remembered. Gives exactly what convertRow gives.
 */
export function rowConverter(plan: ColumnPlan, known: { countries: ReadonlySet<string> }): (cells: readonly string[]) => ConvertedRow {
  const converters = plan.roles.map((role) => (role.kind === 'field' ? cellConverter(role.field, known) : null));
  const hasOptions = plan.roles.some((r) => r.kind === 'option');
  return (cells) => {
    const values: Record<string, unknown> = {};
    const errors: FieldError[] = [];
    const options = hasOptions ? new Map<string, { answered: boolean; codes: string[] }>() : null;
    let externalKey: string | null = null;
    const roles = plan.roles;
    for (let index = 0; index < roles.length; index += 1) {
      const role = roles[index] as ColumnRole;
      const raw = cells[index] ?? '';
      if (raw.includes('\uFFFD')) {
        const name = role.kind === 'field' || role.kind === 'option' ? role.field.name : `column ${index + 1}`;
        errors.push({ field: name, message: 'contains bytes that are not valid UTF-8; save the file as CSV UTF-8' });
        continue;
      }
      if (role.kind === 'ignored') continue;
      const text = raw.trim();
      if (role.kind === 'rowKey') {
        if (text) externalKey = externalKey && role.source === 'koboId' ? externalKey : `${role.source}:${text}`;
        continue;
      }
      if (role.kind === 'option') {
        const entry = options?.get(role.field.name) ?? { answered: false, codes: [] };
        if (text !== '') {
          entry.answered = true;
          const folded = foldHeader(text);
          if (TRUE.has(folded)) entry.codes.push(role.code);
          else if (!FALSE.has(folded)) errors.push({ field: role.field.name, message: `option column ${role.code} must be 1 or 0, not "${text}"` });
        }
        options?.set(role.field.name, entry);
        continue;
      }
      if (text === '') {
        // An empty select_multiple summary cell is an answer with nothing ticked.
        if (role.field.type === 'enum_list') values[role.field.name] ??= [];
        continue;
      }
      const parsed = (converters[index] as (text: string) => CellResult)(text);
      if ('error' in parsed) errors.push({ field: role.field.name, message: parsed.error });
      else values[role.field.name] = parsed.value;
    }
    // A select_multiple summary column wins; otherwise its 0/1 option columns (all empty = unanswered).
    if (options) {
      for (const [name, entry] of options) {
        const summary = values[name];
        if (entry.answered && (summary === undefined || (Array.isArray(summary) && summary.length === 0))) values[name] = entry.codes;
      }
    }
    return { values, errors, externalKey };
  };
}

/** Converts a file row with the column plan (one row; imports compile the plan once with rowConverter). */
export function convertRow(plan: ColumnPlan, cells: readonly string[], known: { countries: ReadonlySet<string> }): ConvertedRow {
  return rowConverter(plan, known)(cells);
}

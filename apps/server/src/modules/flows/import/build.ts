// Builds a flow count or flow survey input from a converted row: required fields, defaults, the
// next/final destination fallback, and the status an import may give.
import { flowFields, type FieldError, type FlowCountInput, type FlowSurveyInput, type ImportKind } from '@taama/core';

/** Per kind, the record's fields in a fixed order (id and status are taken apart: they are not input). */
const INPUT_FIELDS = {
  counts: flowFields('counts').filter((f) => f.name !== 'id' && f.name !== 'status'),
  surveys: flowFields('surveys').filter((f) => f.name !== 'id' && f.name !== 'status'),
};

/**
 * The input fields of a row with their defaults, required gaps reported. The record is built in the
 * fields' order, so every row of an import has the same shape (property reads stay fast downstream).
 */
function applyDefaults(kind: ImportKind, values: Record<string, unknown>, errors: FieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of INPUT_FIELDS[kind]) {
    const value = values[field.name];
    if (value !== undefined) out[field.name] = value;
    else if (field.required) {
      if (!errors.some((e) => e.field === field.name)) errors.push({ field: field.name, message: 'is required and empty in this row' });
    } else if (field.default !== undefined) {
      out[field.name] = Array.isArray(field.default) ? [...(field.default as unknown[])] : field.default;
    }
  }
  return out;
}

/** A count input from a row's values, or the reasons it cannot be one. */
export function buildCount(values: Record<string, unknown>, errors: FieldError[], mayValidate: boolean): { input: FlowCountInput; status: string } | null {
  const v = applyDefaults('counts', values, errors);
  // A file with one destination column fills both: DTM's public files give only "To country".
  v.nextDestinationCountry ??= v.finalDestinationCountry;
  v.finalDestinationCountry ??= v.nextDestinationCountry;
  if (v.finalDestinationCountry === undefined) errors.push({ field: 'finalDestinationCountry', message: 'is required (or nextDestinationCountry) and empty in this row' });
  const status = typeof values.status === 'string' ? values.status : 'submitted';
  if (status === 'rejected') errors.push({ field: 'status', message: 'rejected counts cannot be imported; import them as draft or submitted' });
  if (status === 'validated' && !mayValidate) errors.push({ field: 'status', message: 'importing validated counts needs the flow.validate permission' });
  if (errors.length > 0) return null;
  return { input: v as unknown as FlowCountInput, status };
}

/** A survey input from a row's values, or the reasons it cannot be one. */
export function buildSurvey(values: Record<string, unknown>, errors: FieldError[]): FlowSurveyInput | null {
  const v = applyDefaults('surveys', values, errors);
  if (errors.length > 0) return null;
  return v as unknown as FlowSurveyInput;
}

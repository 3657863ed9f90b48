// Builds a flow count or flow survey input from a converted row: required fields, defaults, the
// next/final destination fallback, and the status an import may give.
import { flowFields, type FieldError, type FlowCountInput, type FlowSurveyInput, type ImportKind } from '@taama/core';

/** Per kind, the fields that are required or have a default: the only ones a row's gaps concern. */
const GAP_FIELDS = {
  counts: flowFields('counts').filter((f) => f.required || f.default !== undefined),
  surveys: flowFields('surveys').filter((f) => f.required || f.default !== undefined),
};

function applyDefaults(kind: ImportKind, values: Record<string, unknown>, errors: FieldError[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...values };
  for (const field of GAP_FIELDS[kind]) {
    if (out[field.name] !== undefined) continue;
    if (field.required) {
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
  const status = typeof v.status === 'string' ? v.status : 'submitted';
  if (status === 'rejected') errors.push({ field: 'status', message: 'rejected counts cannot be imported; import them as draft or submitted' });
  if (status === 'validated' && !mayValidate) errors.push({ field: 'status', message: 'importing validated counts needs the flow.validate permission' });
  if (errors.length > 0) return null;
  delete v.status;
  delete v.id;
  return { input: v as unknown as FlowCountInput, status };
}

/** A survey input from a row's values, or the reasons it cannot be one. */
export function buildSurvey(values: Record<string, unknown>, errors: FieldError[]): FlowSurveyInput | null {
  const v = applyDefaults('surveys', values, errors);
  if (errors.length > 0) return null;
  delete v.id;
  return v as unknown as FlowSurveyInput;
}

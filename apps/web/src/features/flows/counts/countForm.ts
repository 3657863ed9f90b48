// The count form's values (text inputs hold '' for "nothing typed"), their conversion to the API's
// FlowCountInput, and the live checks: core's validateFlowCount, the very rules the server applies.
import { validateFlowCount, type ActivePeriod, type FlowCount, type FlowCountInput } from '@taama/core';
import type { TFunction } from 'i18next';
import { flowMessage } from '../messages';

/** A whole number typed in a number input, or '' when empty. */
export type NumberValue = number | '';

/** The count form's values. */
export interface CountValues {
  fmpId: string;
  date: string;
  observationWindow: FlowCountInput['observationWindow'];
  /** HH:MM, for a custom observation window. */
  windowStart: string;
  windowEnd: string;
  direction: FlowCountInput['direction'];
  originCountry: string;
  originPcode: string;
  originLocality: string;
  previousTransitLocality: string;
  nextDestinationCountry: string;
  finalDestinationCountry: string;
  destinationPcode: string;
  destinationLocality: string;
  transportMode: FlowCountInput['transportMode'];
  movementType: FlowCountInput['movementType'];
  men: NumberValue;
  women: NumberValue;
  boys: NumberValue;
  girls: NumberValue;
  sexAgeUnknown: NumberValue;
  total: NumberValue;
  childrenUnder5: NumberValue;
  /** '' = not assessed (null in the API). */
  unaccompaniedChildren: NumberValue;
  pregnantWomen: NumberValue;
  elderly60plus: NumberValue;
  personsWithDisability: NumberValue;
  nationalities: { country: string; count: NumberValue }[];
  collectionMethod: FlowCountInput['collectionMethod'];
  enumeratorId: string;
}

/** The fields the form shows (a server error on one of them appears next to it). */
export const COUNT_FIELDS = [
  'fmpId', 'date', 'observationWindow', 'windowStart', 'windowEnd', 'direction', 'originCountry', 'originPcode', 'originLocality', 'previousTransitLocality',
  'nextDestinationCountry', 'finalDestinationCountry', 'destinationPcode', 'destinationLocality', 'transportMode', 'movementType',
  'men', 'women', 'boys', 'girls', 'sexAgeUnknown', 'total', 'childrenUnder5', 'unaccompaniedChildren', 'pregnantWomen',
  'elderly60plus', 'personsWithDisability', 'nationalities', 'collectionMethod', 'enumeratorId',
] as const satisfies readonly (keyof CountValues)[];

/** The sex and age counts whose sum is the total. */
export const SEX_AGE_FIELDS = ['men', 'women', 'boys', 'girls', 'sexAgeUnknown'] as const;

/** Today's date in UTC as YYYY-MM-DD. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A new count's values. */
export function emptyCount(): CountValues {
  return {
    fmpId: '', date: today(), observationWindow: 'full_day', windowStart: '', windowEnd: '', direction: 'incoming', originCountry: '', originPcode: '', originLocality: '', previousTransitLocality: '',
    nextDestinationCountry: '', finalDestinationCountry: '', destinationPcode: '', destinationLocality: '', transportMode: 'bus', movementType: 'economic_long_term',
    men: 0, women: 0, boys: 0, girls: 0, sexAgeUnknown: 0, total: 0, childrenUnder5: 0, unaccompaniedChildren: '', pregnantWomen: 0, elderly60plus: 0, personsWithDisability: 0,
    nationalities: [], collectionMethod: 'direct_observation', enumeratorId: '',
  };
}

/** An existing count's values. */
export function valuesOf(count: FlowCount): CountValues {
  return {
    fmpId: count.fmpId, date: count.date, observationWindow: count.observationWindow, windowStart: count.windowStart ?? '', windowEnd: count.windowEnd ?? '', direction: count.direction, originCountry: count.originCountry,
    originPcode: count.originPcode ?? '', originLocality: count.originLocality ?? '', previousTransitLocality: count.previousTransitLocality ?? '',
    nextDestinationCountry: count.nextDestinationCountry, finalDestinationCountry: count.finalDestinationCountry, destinationPcode: count.destinationPcode ?? '',
    destinationLocality: count.destinationLocality ?? '', transportMode: count.transportMode, movementType: count.movementType,
    men: count.men, women: count.women, boys: count.boys, girls: count.girls, sexAgeUnknown: count.sexAgeUnknown, total: count.total,
    childrenUnder5: count.childrenUnder5, unaccompaniedChildren: count.unaccompaniedChildren ?? '', pregnantWomen: count.pregnantWomen,
    elderly60plus: count.elderly60plus, personsWithDisability: count.personsWithDisability,
    nationalities: count.nationalities.map((n) => ({ country: n.country, count: n.count })), collectionMethod: count.collectionMethod, enumeratorId: count.enumeratorId ?? '',
  };
}

const num = (value: NumberValue) => (value === '' ? 0 : value);
const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** The sum of the sex and age counts (what the total must be). */
export function sexAgeSum(values: CountValues): number {
  return SEX_AGE_FIELDS.reduce((sum, key) => sum + num(values[key]), 0);
}

/** The API input for the values; optional texts left out when empty. */
export function inputOf(values: CountValues, status?: 'draft' | 'submitted'): FlowCountInput {
  const input: FlowCountInput = {
    fmpId: values.fmpId,
    date: values.date,
    observationWindow: values.observationWindow,
    direction: values.direction,
    originCountry: values.originCountry,
    nextDestinationCountry: values.nextDestinationCountry,
    finalDestinationCountry: values.finalDestinationCountry,
    transportMode: values.transportMode,
    movementType: values.movementType,
    men: num(values.men),
    women: num(values.women),
    boys: num(values.boys),
    girls: num(values.girls),
    sexAgeUnknown: num(values.sexAgeUnknown),
    total: num(values.total),
    childrenUnder5: num(values.childrenUnder5),
    unaccompaniedChildren: values.unaccompaniedChildren === '' ? null : values.unaccompaniedChildren,
    pregnantWomen: num(values.pregnantWomen),
    elderly60plus: num(values.elderly60plus),
    personsWithDisability: num(values.personsWithDisability),
    nationalities: values.nationalities.filter((n) => n.country !== '').map((n) => ({ country: n.country, count: num(n.count) })),
    collectionMethod: values.collectionMethod,
  };
  const custom = values.observationWindow === 'custom';
  const optional = { windowStart: custom ? text(values.windowStart) : undefined, windowEnd: custom ? text(values.windowEnd) : undefined, originPcode: text(values.originPcode), originLocality: text(values.originLocality), previousTransitLocality: text(values.previousTransitLocality), destinationPcode: text(values.destinationPcode), destinationLocality: text(values.destinationLocality), enumeratorId: text(values.enumeratorId) };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(input, { [key]: value });
  if (status) input.status = status;
  return input;
}

/** The points the form knows, to check the chosen one is active on the date (undefined while loading). */
export type KnownPoints = readonly { id: string; activePeriods: readonly ActivePeriod[] }[] | undefined;

/**
 * Every rule the values break, by field (the first message of each, in the interface language):
 * required fields, then core's validateFlowCount, the very checks the server makes.
 */
export function countErrors(t: TFunction, values: CountValues, points: KnownPoints): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const key of ['fmpId', 'date', 'originCountry', 'nextDestinationCountry', 'finalDestinationCountry'] as const) {
    if (!values[key]) errors[key] = t('common:fieldMessages.required');
  }
  // Until the points have loaded (or before one is chosen) the point's own checks wait.
  const point = points?.find((p) => p.id === values.fmpId) ?? (points && values.fmpId ? null : { activePeriods: [{ from: '0000-01-01', to: null }] });
  for (const problem of validateFlowCount(inputOf(values), { today: today(), point })) {
    const field = problem.field.split('.')[0] ?? problem.field;
    errors[field] ??= flowMessage(t, problem.message);
  }
  return errors;
}

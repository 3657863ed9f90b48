// Consistency rules of flow counts and flow surveys (flow-schemas.md). Pure functions: the API
// route, the file import and the web form run the same checks and report the same messages.
import type { SurveyAgeBand } from './codes';
import type { FieldError } from './reports';
import type { ActivePeriod, FlowCountInput, FlowSurveyInput } from './schemas';

/** What the rules need to know beyond the record itself. */
export interface FlowRuleContext {
  /** Today's date (YYYY-MM-DD) in the deployment's time zone; later dates are refused. */
  today: string;
  /** The record's monitoring point, or null when no point has that code. */
  point: { activePeriods: readonly ActivePeriod[] } | null;
  /** Known P-codes; when given, P-codes not in it are refused. */
  pcodeExists?: (pcode: string) => boolean;
}

/** The counts part of a flow count, all the arithmetic rules look at. */
export type FlowCountFigures = Pick<
  FlowCountInput,
  'men' | 'women' | 'boys' | 'girls' | 'sexAgeUnknown' | 'total' | 'childrenUnder5' | 'unaccompaniedChildren' | 'pregnantWomen' | 'elderly60plus' | 'personsWithDisability' | 'nationalities'
>;

/** Tells whether a point is active on a date (periods are inclusive; `to: null` = still active). */
export function pointActiveOn(periods: readonly ActivePeriod[], date: string): boolean {
  return periods.some((p) => p.from <= date && (p.to === null || date <= p.to));
}

/** The arithmetic rules of a count: total = Σ sex/age, sub-counts within their bounds, Σ nationalities ≤ total. */
export function checkCountFigures(c: FlowCountFigures): FieldError[] {
  const errors: FieldError[] = [];
  const sum = c.men + c.women + c.boys + c.girls + c.sexAgeUnknown;
  if (c.total !== sum) {
    errors.push({ field: 'total', message: `must equal men + women + boys + girls + sexAgeUnknown (${sum}), not ${c.total}` });
  }
  const children = c.boys + c.girls;
  if (c.childrenUnder5 > children) errors.push({ field: 'childrenUnder5', message: `must not exceed boys + girls (${children})` });
  if (c.unaccompaniedChildren !== null && c.unaccompaniedChildren > children) {
    errors.push({ field: 'unaccompaniedChildren', message: `must not exceed boys + girls (${children})` });
  }
  if (c.pregnantWomen > c.women) errors.push({ field: 'pregnantWomen', message: `must not exceed women (${c.women})` });
  const adults = c.men + c.women;
  if (c.elderly60plus > adults) errors.push({ field: 'elderly60plus', message: `must not exceed men + women (${adults})` });
  if (c.personsWithDisability > c.total) errors.push({ field: 'personsWithDisability', message: `must not exceed total (${c.total})` });
  const seen = new Set<string>();
  let declared = 0;
  for (const n of c.nationalities) {
    if (seen.has(n.country)) errors.push({ field: 'nationalities', message: `lists ${n.country} more than once` });
    seen.add(n.country);
    declared += n.count;
  }
  if (declared > c.total) errors.push({ field: 'nationalities', message: `add up to ${declared}, more than total (${c.total})` });
  return errors;
}

function checkPlaceAndDate(input: { fmpId: string; date: string }, ctx: FlowRuleContext, errors: FieldError[]): void {
  if (input.date > ctx.today) errors.push({ field: 'date', message: `must not be in the future (today is ${ctx.today})` });
  if (ctx.point === null) {
    errors.push({ field: 'fmpId', message: `${input.fmpId} is not a known flow monitoring point` });
  } else if (!pointActiveOn(ctx.point.activePeriods, input.date)) {
    errors.push({ field: 'date', message: `${input.fmpId} was not active on ${input.date}` });
  }
}

function checkPcode(field: string, pcode: string | null | undefined, inMali: boolean, ctx: FlowRuleContext, errors: FieldError[]): void {
  if (pcode === null || pcode === undefined) return;
  if (!inMali) errors.push({ field, message: 'is for places in Mali only; use the locality for places abroad' });
  else if (!pcode.startsWith('ML')) errors.push({ field, message: 'must be a Mali P-code (ML…)' });
  else if (ctx.pcodeExists && !ctx.pcodeExists(pcode)) errors.push({ field, message: `${pcode} is not a known P-code` });
}

/** Every consistency rule of a flow count; an empty list means the record is acceptable. */
export function validateFlowCount(input: FlowCountInput, ctx: FlowRuleContext): FieldError[] {
  const errors: FieldError[] = [];
  checkPlaceAndDate(input, ctx, errors);
  errors.push(...checkCountFigures(input));
  if (input.observationWindow === 'custom') {
    if (!input.windowStart) errors.push({ field: 'windowStart', message: 'is required for a custom observation window' });
    if (!input.windowEnd) errors.push({ field: 'windowEnd', message: 'is required for a custom observation window' });
    if (input.windowStart && input.windowEnd && input.windowStart >= input.windowEnd) {
      errors.push({ field: 'windowEnd', message: 'must be after windowStart' });
    }
  }
  checkPcode('originPcode', input.originPcode, input.originCountry === 'MLI', ctx, errors);
  const destinationInMali = input.nextDestinationCountry === 'MLI' || input.finalDestinationCountry === 'MLI';
  checkPcode('destinationPcode', input.destinationPcode, destinationInMali, ctx, errors);
  return errors;
}

/** Answers an interview with consent must carry (flow-schemas.md (b)). */
export const REQUIRED_SURVEY_ANSWERS = [
  'sex',
  'age',
  'nationality',
  'birthCountry',
  'maritalStatus',
  'education',
  'employmentBefore',
  'departureCountry',
  'timeSinceDeparture',
  'previousAttempt',
  'forciblyDisplaced',
  'reasons',
  'transportModes',
  'travelGroup',
  'fundingSources',
  'nextCountry',
  'finalDestinationCountry',
  'destinationReasons',
  'plannedStay',
  'intendsReturn',
  'journeyDifficulties',
  'informationNeeds',
  'referredTo',
] as const satisfies readonly (keyof FlowSurveyInput)[];

/** Every answer field of a survey (what a refused interview must not keep). */
export const SURVEY_ANSWER_FIELDS = [
  ...REQUIRED_SURVEY_ANSWERS,
  'occupationSector',
  'departurePcode',
  'departureLocality',
  'lastTransitCountry',
  'lastTransitLocality',
  'groupSize',
  'freeText',
] as const satisfies readonly (keyof FlowSurveyInput)[];

/** True when the interview went ahead (consent given and the person not already surveyed). */
export function surveyCompleted(input: Pick<FlowSurveyInput, 'consent' | 'alreadySurveyed'>): boolean {
  return input.consent && input.alreadySurveyed !== true;
}

/** A refused or repeated interview keeps only consent, point, date, enumerator and collection. */
export function stripEndedSurvey(input: FlowSurveyInput): FlowSurveyInput {
  if (surveyCompleted(input)) return input;
  const kept: FlowSurveyInput = { fmpId: input.fmpId, date: input.date, consent: input.consent };
  if (input.alreadySurveyed !== undefined) kept.alreadySurveyed = input.alreadySurveyed;
  if (input.enumeratorId !== undefined) kept.enumeratorId = input.enumeratorId;
  if (input.collectionId !== undefined) kept.collectionId = input.collectionId;
  return kept;
}

function exclusiveNone(field: string, values: readonly string[] | undefined, errors: FieldError[]): void {
  if (values && values.includes('none') && values.length > 1) errors.push({ field, message: '"none" cannot be combined with other answers' });
}

/** Every rule of a flow survey; answers are only checked when the interview went ahead. */
export function validateFlowSurvey(input: FlowSurveyInput, ctx: FlowRuleContext): FieldError[] {
  const errors: FieldError[] = [];
  checkPlaceAndDate(input, ctx, errors);
  if (!surveyCompleted(input)) return errors;
  for (const field of REQUIRED_SURVEY_ANSWERS) {
    if (input[field] === undefined || input[field] === null) errors.push({ field, message: 'is required when the respondent consented' });
  }
  if (input.reasons && input.reasons.length === 0) errors.push({ field: 'reasons', message: 'needs at least one reason' });
  if (input.transportModes && input.transportModes.length === 0) errors.push({ field: 'transportModes', message: 'needs at least one transport mode' });
  exclusiveNone('journeyDifficulties', input.journeyDifficulties, errors);
  exclusiveNone('referredTo', input.referredTo, errors);
  if (input.travelGroup === 'alone' && input.groupSize !== undefined && input.groupSize !== null && input.groupSize !== 1) {
    errors.push({ field: 'groupSize', message: 'must be 1 (or empty) for someone travelling alone' });
  }
  if (input.travelGroup && input.travelGroup !== 'alone' && input.groupSize === 1) {
    errors.push({ field: 'groupSize', message: 'must be at least 2 for a group' });
  }
  checkPcode('departurePcode', input.departurePcode, input.departureCountry === 'MLI', ctx, errors);
  return errors;
}

/** The publication band of a survey age (flow-schemas.md (b): ages are published only as bands). */
export function ageBand(age: number): SurveyAgeBand {
  if (age < 18) return '<18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 60) return '45-59';
  return '60+';
}

/** Status changes a flow count allows: draft → submitted → validated | rejected; rejected can be resubmitted. */
export const FLOW_COUNT_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  draft: ['submitted'],
  submitted: ['validated', 'rejected'],
  rejected: ['submitted'],
  validated: [],
};

/** Tells whether a count may move from one status to another. */
export function canTransition(from: string, to: string): boolean {
  return FLOW_COUNT_TRANSITIONS[from]?.includes(to) ?? false;
}

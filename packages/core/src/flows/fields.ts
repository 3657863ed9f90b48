// The catalogue of importable and exportable fields: Taama name, snake_case column of
// flow-schemas.md, type, whether an import needs it, codes, HXL tag and an English label. The
// import recognises a column by any of these names; the record exports write label + HXL rows.
import {
  COLLECTION_METHODS,
  DESTINATION_REASONS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  FLOW_COUNT_STATUSES,
  FLOW_DIRECTIONS,
  FUNDING_SOURCES,
  INFORMATION_NEEDS,
  JOURNEY_DIFFICULTIES,
  MARITAL_STATUSES,
  MIGRATION_REASONS,
  MOVEMENT_TYPES,
  OBSERVATION_WINDOWS,
  OCCUPATION_SECTORS,
  PLANNED_STAYS,
  REFERRALS,
  RETURN_INTENTIONS,
  SURVEY_SEXES,
  TIME_SINCE_DEPARTURE,
  TRANSPORT_MODES,
  TRAVEL_GROUPS,
  type ImportKind,
} from './codes';
import type { ImportField, ImportFieldType } from './reports';

/** A field of the catalogue, with the English label used in exports. */
export interface FlowField extends ImportField {
  label: string;
  /** Value used when an import file has no column for an optional field. */
  default?: unknown;
}

function f(name: string, type: ImportFieldType, required: boolean, hxl: string | null, label: string, extra: Partial<FlowField> = {}): FlowField {
  const column = name.replace(/([A-Z])/g, '_$1').replace(/([a-z])(\d)/g, '$1_$2').toLowerCase();
  return { name, column, type, required, hxl, label, ...extra };
}

const codes = (list: readonly string[]) => ({ codes: [...list] });

/** Flow count (FMR) fields, in export order. */
export const FLOW_COUNT_FIELDS: readonly FlowField[] = [
  f('id', 'string', false, '#meta+id', 'Record ID'),
  f('fmpId', 'string', true, '#loc+code', 'FMP ID'),
  f('date', 'date', true, '#date+occurred', 'Date'),
  f('observationWindow', 'enum', false, '#meta+window', 'Observation window', { ...codes(OBSERVATION_WINDOWS), default: 'full_day' }),
  f('windowStart', 'time', false, '#meta+window+start', 'Window start'),
  f('windowEnd', 'time', false, '#meta+window+end', 'Window end'),
  f('direction', 'enum', true, '#indicator+direction', 'Direction', codes(FLOW_DIRECTIONS)),
  f('originCountry', 'country', true, '#country+code+origin+v_iso3', 'From country'),
  f('originPcode', 'pcode', false, '#adm2+code+origin', 'From P-code'),
  f('originLocality', 'string', false, '#loc+name+origin', 'From locality'),
  f('previousTransitLocality', 'string', false, '#loc+name+previous', 'Previous transit locality'),
  f('nextDestinationCountry', 'country', false, '#country+code+dest+v_iso3', 'To country'),
  f('finalDestinationCountry', 'country', false, '#country+code+dest+final', 'Final destination country'),
  f('destinationPcode', 'pcode', false, '#adm2+code+dest', 'To P-code'),
  f('destinationLocality', 'string', false, '#loc+name+dest', 'To locality'),
  f('transportMode', 'enum', true, '#indicator+transport', 'Transport', codes(TRANSPORT_MODES)),
  f('movementType', 'enum', false, '#indicator+movement_type', 'Movement type', { ...codes(MOVEMENT_TYPES), default: 'unknown' }),
  f('men', 'integer', true, '#population+m+adults', 'Men (18+)'),
  f('women', 'integer', true, '#population+f+adults', 'Women (18+)'),
  f('boys', 'integer', true, '#population+m+children', 'Boys (<18)'),
  f('girls', 'integer', true, '#population+f+children', 'Girls (<18)'),
  f('sexAgeUnknown', 'integer', false, '#population+unknown', 'Sex/age unknown', { default: 0 }),
  f('total', 'integer', true, '#population+total', 'Total'),
  f('childrenUnder5', 'integer', false, '#population+infants', 'Children under 5', { default: 0 }),
  f('unaccompaniedChildren', 'integer', false, '#population+children+unaccompanied', 'Unaccompanied children', { default: null }),
  f('pregnantWomen', 'integer', false, '#population+f+pregnant', 'Pregnant women', { default: 0 }),
  f('elderly60plus', 'integer', false, '#population+elderly', 'Elderly (60+)', { default: 0 }),
  f('personsWithDisability', 'integer', false, '#population+disabled', 'Persons with disabilities', { default: 0 }),
  f('nationalities', 'nationalities', false, '#country+code+nationality', 'Nationalities (ISO3:count)', { default: [] }),
  f('collectionMethod', 'enum', false, '#meta+method', 'Collection method', { ...codes(COLLECTION_METHODS), default: 'direct_observation' }),
  f('enumeratorId', 'string', false, '#org+name+reporting', 'Enumerator'),
  f('status', 'enum', false, '#status', 'Status', codes(FLOW_COUNT_STATUSES)),
];

/** Flow survey (FMS) fields, in export order (free text is never exported). */
export const FLOW_SURVEY_FIELDS: readonly FlowField[] = [
  f('id', 'string', false, '#respondee+id', 'Record ID'),
  f('fmpId', 'string', true, '#loc+code', 'FMP ID'),
  f('date', 'date', true, '#date+occurred', 'Date'),
  f('enumeratorId', 'string', false, '#org+name+reporting', 'Enumerator'),
  f('consent', 'boolean', true, '#meta+consent', 'Consent'),
  f('alreadySurveyed', 'boolean', false, '#meta+already_surveyed', 'Already surveyed', { default: false }),
  f('sex', 'enum', false, '#respondee+sex', 'Sex', codes(SURVEY_SEXES)),
  f('age', 'integer', false, '#respondee+age+num', 'Age'),
  f('nationality', 'country', false, '#country+code+nationality', 'Nationality'),
  f('birthCountry', 'country', false, '#country+code+birth', 'Country of birth'),
  f('maritalStatus', 'enum', false, '#respondee+marital', 'Marital status', codes(MARITAL_STATUSES)),
  f('education', 'enum', false, '#respondee+education', 'Education', codes(EDUCATION_LEVELS)),
  f('employmentBefore', 'enum', false, '#respondee+employment', 'Employment before departure', codes(EMPLOYMENT_STATUSES)),
  f('occupationSector', 'enum', false, '#respondee+occupation', 'Occupation sector', codes(OCCUPATION_SECTORS)),
  f('departureCountry', 'country', false, '#country+code+origin', 'Departure country'),
  f('departurePcode', 'pcode', false, '#adm2+code+origin', 'Departure P-code'),
  f('departureLocality', 'string', false, '#loc+name+origin', 'Departure locality'),
  f('timeSinceDeparture', 'enum', false, '#indicator+duration', 'Time since departure', codes(TIME_SINCE_DEPARTURE)),
  f('previousAttempt', 'boolean', false, '#indicator+attempt+bool', 'Previous attempt'),
  f('forciblyDisplaced', 'boolean', false, '#indicator+forced+bool', 'Forcibly displaced'),
  f('reasons', 'enum_list', false, '#cause+reason', 'Reasons', codes(MIGRATION_REASONS)),
  f('lastTransitCountry', 'country', false, '#country+code+previous', 'Last transit country'),
  f('lastTransitLocality', 'string', false, '#loc+name+previous', 'Last transit locality'),
  f('transportModes', 'enum_list', false, '#indicator+transport', 'Transport modes', codes(TRANSPORT_MODES)),
  f('travelGroup', 'enum', false, '#indicator+group', 'Travel group', codes(TRAVEL_GROUPS)),
  f('groupSize', 'integer', false, '#indicator+group+num', 'Group size'),
  f('fundingSources', 'enum_list', false, '#indicator+funding', 'Funding sources', codes(FUNDING_SOURCES)),
  f('nextCountry', 'country', false, '#country+code+dest', 'Next country'),
  f('finalDestinationCountry', 'country', false, '#country+code+dest+final', 'Final destination country'),
  f('destinationReasons', 'enum_list', false, '#indicator+dest_reason', 'Reasons for destination', codes(DESTINATION_REASONS)),
  f('plannedStay', 'enum', false, '#indicator+stay', 'Planned stay', codes(PLANNED_STAYS)),
  f('intendsReturn', 'enum', false, '#indicator+return', 'Return intention', codes(RETURN_INTENTIONS)),
  f('journeyDifficulties', 'enum_list', false, '#indicator+difficulty', 'Journey difficulties', codes(JOURNEY_DIFFICULTIES)),
  f('informationNeeds', 'enum_list', false, '#need+information', 'Information needs', codes(INFORMATION_NEEDS)),
  f('referredTo', 'enum_list', false, '#service+referral', 'Referred to', codes(REFERRALS)),
  f('freeText', 'string', false, null, 'Free text'),
];

/** The catalogue of one import kind. */
export function flowFields(kind: ImportKind): readonly FlowField[] {
  return kind === 'counts' ? FLOW_COUNT_FIELDS : FLOW_SURVEY_FIELDS;
}

/** A header folded for matching: lower case, accents dropped, anything but letters and digits → `_`. */
export function foldHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9#+]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

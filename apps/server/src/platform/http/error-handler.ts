// One place that turns every failure into SPEC §13's error shape. Internals never leak.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, TooManyAttempts } from '../errors';
import { fieldErrors } from './validation';

export interface ErrorReply {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  details?: Record<string, unknown>;
}

interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

const TABLES = ['movement_reference_sequences', 'awareness_survey_responses', 'reintegration_case_events', 'awareness_activity_photos', 'reintegration_assessments', 'assistance_certificates', 'indicator_manual_values', 'assistance_instalments', 'flow_monitoring_points', 'reintegration_projects', 'awareness_participants', 'project_beneficiaries', 'indicator_definitions', 'case_number_sequences', 'duplicate_candidates', 'awareness_activities', 'person_group_members', 'satisfaction_surveys', 'return_case_members', 'transit_case_events', 'budget_expenditures', 'movement_passengers', 'equipment_handovers', 'sync_device_records', 'awareness_campaigns', 'reintegration_cases', 'reintegration_plans', 'mobility_incidents', 'return_case_events', 'indicator_evidence', 'arrival_assistance', 'mfa_recovery_codes', 'identity_documents', 'monitoring_visits', 'awareness_surveys', 'training_trainees', 'budget_contracts', 'period_snapshots', 'flow_collections', 'assistance_items', 'spot_check_items', 'erasure_requests', 'travel_documents', 'indicator_rules', 'rss_instruments', 'period_signoffs', 'logframe_nodes', 'medical_checks', 'mfa_challenges', 'flow_mappings', 'transit_cases', 'person_merges', 'person_photos', 'organisations', 'person_groups', 'budget_lines', 'sync_changes', 'institutions', 'sync_devices', 'return_cases', 'border_posts', 'flow_surveys', 'admin_units', 'flow_counts', 'rss_results', 'spot_checks', 'communities', 'case_notes', 'user_roles', 'screenings', 'trainings', 'countries', 'referrals', 'movements', 'services', 'sessions', 'user_mfa', 'consents', 'arrivals', 'people', 'roles', 'tasks', 'users', 'stays', 'sites']
  // Longest first, so a table whose name prefixes another's (trainings, training_trainees) never wins wrongly.
  .sort((a, b) => b.length - a.length);

/** The API field behind a constraint named `<table>_<column>_(key|fkey|check)`, in camelCase. */
function constraintField(constraint: string | undefined): string | undefined {
  if (!constraint) return undefined;
  const table = TABLES.find((t) => constraint.startsWith(`${t}_`));
  const match = /^(.+)_(?:key|fkey|check)$/.exec(table ? constraint.slice(table.length + 1) : constraint);
  return match?.[1]?.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function fromPostgres(error: PgError): ErrorReply | undefined {
  const field = constraintField(error.constraint) ?? error.column ?? 'body';
  switch (error.code) {
    case '23505':
      return { status: 409, code: 'already_exists', message: 'A record with this value already exists', fields: { [field]: 'is already taken' } };
    case '23503':
      return { status: 400, code: 'invalid_reference', message: 'The request refers to a record that does not exist', fields: { [field]: 'refers to an unknown record' } };
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return { status: 400, code: 'invalid_input', message: 'A value is out of range or malformed', fields: { [field]: 'is invalid' } };
    default:
      return undefined;
  }
}

/** Maps a failure to its status and error body (undefined: unexpected, a 500); also used per change by sync. */
export function classify(error: FastifyError & PgError): ErrorReply | undefined {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.message, fields: error.fields, details: error.details };
  }
  if (error.validation) {
    const fields = fieldErrors(error.validation as ErrorObject[], error.validationContext);
    return { status: 400, code: 'invalid_input', message: 'The request has invalid fields', fields };
  }
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: 'The body is not valid JSON', fields: { body: 'must be valid JSON' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, code: 'too_large', message: 'The request is too large', fields: { body: 'is too large' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send application/json', fields: { 'content-type': 'is not supported' } };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'invalid_input', message: 'Content-Length does not match the body', fields: { 'content-length': 'is wrong' } };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send multipart/form-data', fields: { 'content-type': 'must be multipart/form-data' } };
  }
  // The multipart parser throws plain errors on a body cut short or without its boundary: bad input.
  if (error.message === 'Unexpected end of multipart data' || error.message === 'Multipart: Boundary not found') {
    return { status: 400, code: 'invalid_multipart', message: 'The multipart body is malformed', fields: { body: 'is not well-formed multipart/form-data' } };
  }
  const pg = fromPostgres(error);
  if (pg) return pg;
  if (error.statusCode === 429) {
    return { status: 429, code: 'rate_limited', message: 'Too many requests; slow down and retry shortly' };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, code: 'bad_request', message: error.message };
  }
  return undefined;
}

/** Installs the error handler and the JSON 404 for unknown API routes. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError & PgError, request, reply) => {
    const known = classify(error);
    if (!known) {
      request.log.error({ err: error }, 'unhandled error');
      if (process.env.TEST_LOG) console.error('unhandled error', error);
      return reply.status(500).send({ error: { code: 'internal_error', message: `Something went wrong on our side (request ${request.id})` } });
    }
    if (known.status >= 500) request.log.error({ err: error }, 'server error');
    if (error instanceof TooManyAttempts) reply.header('Retry-After', String(error.retryAfterSeconds));
    const body: { code: string; message: string; fields?: Record<string, string>; details?: Record<string, unknown> } = {
      code: known.code,
      message: known.message,
    };
    if (known.fields && Object.keys(known.fields).length > 0) body.fields = known.fields;
    if (known.details) body.details = known.details;
    return reply.status(known.status).send({ error: body });
  });
}

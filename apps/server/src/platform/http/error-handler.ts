// One place that turns every failure into SPEC §13's error shape. Internals never leak.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, TooManyAttempts } from '../errors';
import { fieldErrors } from './validation';

interface ErrorReply {
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

const TABLES = ['user_mfa', 'mfa_recovery_codes', 'mfa_challenges', 'erasure_requests', 'reintegration_case_events', 'assistance_certificates', 'reintegration_cases', 'reintegration_assessments', 'reintegration_plans', 'reintegration_projects', 'project_beneficiaries', 'assistance_instalments', 'assistance_items', 'monitoring_visits', 'spot_check_items', 'spot_checks', 'rss_instruments', 'rss_results', 'satisfaction_surveys', 'return_case_members', 'return_case_events', 'return_cases', 'travel_documents', 'medical_checks', 'movement_passengers', 'movement_reference_sequences', 'movements', 'arrival_assistance', 'arrivals', 'indicator_definitions', 'indicator_rules', 'indicator_manual_values', 'indicator_evidence', 'period_signoffs', 'period_snapshots', 'logframe_nodes', 'budget_contracts', 'budget_lines', 'budget_expenditures', 'awareness_activity_photos', 'awareness_activities', 'awareness_campaigns', 'awareness_participants', 'awareness_survey_responses', 'awareness_surveys', 'communities', 'border_posts', 'institutions', 'training_trainees', 'trainings', 'equipment_handovers', 'mobility_incidents', 'flow_counts', 'flow_surveys', 'flow_collections', 'flow_mappings', 'flow_monitoring_points', 'person_group_members', 'person_groups', 'person_photos', 'person_merges', 'duplicate_candidates', 'identity_documents', 'case_number_sequences', 'transit_case_events', 'transit_cases', 'case_notes', 'people', 'consents', 'stays', 'screenings', 'services', 'referrals', 'tasks', 'user_roles', 'users', 'roles', 'sites', 'organisations', 'sessions', 'admin_units', 'countries']
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

function classify(error: FastifyError & PgError): ErrorReply | undefined {
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

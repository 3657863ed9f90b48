// The short list of errors services throw; one handler maps them to SPEC §13's error shape.

export type FieldErrors = Record<string, string>;

export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  constructor(
    message: string,
    readonly fields?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** 400: the input breaks a rule on one or more named fields. */
export class Invalid extends AppError {
  readonly status = 400;
  readonly code = 'invalid_input';
  constructor(fields: FieldErrors, message = 'The request has invalid fields') {
    super(message, fields);
  }
}

/** 401: no valid session or token. */
export class Unauthenticated extends AppError {
  readonly status = 401;
  constructor(
    message = 'Authentication required',
    readonly code: string = 'unauthenticated',
  ) {
    super(message);
  }
}

/** 403: authenticated, but this permission is not granted. */
export class Forbidden extends AppError {
  readonly status = 403;
  constructor(
    message = 'You do not have permission to do this',
    readonly code: string = 'forbidden',
  ) {
    super(message);
  }
}

/** 404: absent, or outside the caller's scope (existence is never revealed). */
export class NotFound extends AppError {
  readonly status = 404;
  readonly code = 'not_found';
  constructor(what = 'Record') {
    super(`${what} not found`);
  }
}

/** 409: the record's state does not allow this (duplicate code, forbidden transition…). */
export class Conflict extends AppError {
  readonly status = 409;
  constructor(
    message: string,
    readonly code: string = 'conflict',
    fields?: FieldErrors,
    details?: Record<string, unknown>,
  ) {
    super(message, fields, details);
  }
}

/** 412: the If-Match version is not the current one. */
export class StaleVersion extends AppError {
  readonly status = 412;
  readonly code = 'stale_version';
  constructor(currentVersion: number) {
    super(`The record was changed by someone else (current version ${currentVersion}); reload it and try again`, undefined, {
      currentVersion,
    });
  }
}

/** 428: an update came without If-Match. */
export class VersionRequired extends AppError {
  readonly status = 428;
  readonly code = 'version_required';
  constructor() {
    super('This update needs an If-Match header with the version you edited', { 'If-Match': 'is required' });
  }
}

/** 422: well-formed input that a business rule refuses. */
export class RuleViolation extends AppError {
  readonly status = 422;
  constructor(
    message: string,
    readonly code: string = 'rule_violation',
    fields?: FieldErrors,
  ) {
    super(message, fields);
  }
}

/** 429: too many attempts; retry after the given number of seconds. */
export class TooManyAttempts extends AppError {
  readonly status = 429;
  readonly code = 'too_many_attempts';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, undefined, { retryAfterSeconds });
  }
}

// Turns API failures into sentences in the interface language, and server field messages (English
// rule names) into translated hints where the rule is known.
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';

/** Minutes left in a lockout, from the error's retry delay (at least 1). */
export function lockoutMinutes(error: ApiError): number | undefined {
  const seconds = error.details.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.max(1, Math.ceil(seconds / 60)) : undefined;
}

/** One sentence describing what went wrong, for an alert or a notification. */
export function describeError(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) {
    return t('common:errors.unknown', { message: error instanceof Error ? error.message : String(error) });
  }
  switch (error.status) {
    case 0:
      return t('common:errors.network');
    case 400:
      return t('common:errors.invalid');
    case 401:
      return error.code === 'session_expired' ? t('common:errors.sessionExpired') : t('common:errors.unauthenticated');
    case 403:
      return error.code === 'csrf_token_invalid' ? t('common:errors.csrf') : t('common:errors.forbidden');
    case 404:
      return t('common:errors.notFound');
    case 409:
      return error.code === 'already_exists' ? t('common:errors.alreadyExists') : t('common:errors.conflict', { message: error.message });
    case 412:
      return t('common:errors.stale');
    case 413:
      return t('common:errors.tooLarge');
    case 422:
      return t('common:errors.rule', { message: error.message });
    case 428:
      return t('common:errors.versionRequired');
    case 429: {
      const minutes = lockoutMinutes(error);
      return error.code === 'too_many_attempts' && minutes !== undefined ? t('common:errors.lockedOut', { count: minutes }) : t('common:errors.rateLimited');
    }
    default:
      return error.status >= 500 ? t('common:errors.server', { message: error.message }) : t('common:errors.unknown', { message: error.message });
  }
}

type Rule = [RegExp, (t: TFunction, match: RegExpExecArray) => string];

const RULES: Rule[] = [
  [/^is required$/, (t) => t('common:fieldMessages.required')],
  [/^is already taken$/, (t) => t('common:fieldMessages.taken')],
  [/^must (?:be at least|NOT have fewer than) (\d+) characters?$/, (t, m) => (m[1] === '1' ? t('common:fieldMessages.required') : t('common:fieldMessages.minChars', { count: Number(m[1]) }))],
  [/^must (?:be at most|NOT have more than) (\d+) characters?$/, (t, m) => t('common:fieldMessages.maxChars', { count: Number(m[1]) })],
  [/^is too common$/, (t) => t('common:fieldMessages.tooCommon')],
  [/^must contain at least (\d+) different characters$/, (t, m) => t('common:fieldMessages.distinctChars', { count: Number(m[1]) })],
  [/^must not contain the username$/, (t) => t('common:fieldMessages.containsUsername')],
  [/^is not your current password$/, (t) => t('common:fieldMessages.wrongCurrentPassword')],
  [/^must differ from the current password$/, (t) => t('common:fieldMessages.sameAsCurrent')],
  [/^must match format "email"$/, (t) => t('common:fieldMessages.email')],
  [/^must match (?:pattern|format)/, (t) => t('common:fieldMessages.format')],
  [/^refers to an unknown/, (t) => t('common:fieldMessages.unknownReference')],
  [/^unknown role\(s\): (.+)$/, (t, m) => t('common:fieldMessages.unknownRoles', { roles: m[1] })],
  [/^is not an allowed field$/, (t) => t('common:fieldMessages.notAllowed')],
  [/^must be (?:one of|equal to one of)/, (t) => t('common:fieldMessages.oneOf')],
  [/^must be [<>]=?/, (t) => t('common:fieldMessages.range')],
  [/^is invalid$/, (t) => t('common:fieldMessages.invalid')],
];

/** A server field message in the interface language when its rule is known, else as sent. */
export function translateFieldMessage(t: TFunction, message: string): string {
  for (const [pattern, render] of RULES) {
    const match = pattern.exec(message);
    if (match) return render(t, match);
  }
  return message;
}

/**
 * Splits the server's field errors between the form's own fields and the rest. A path such as
 * `roles.0` belongs to the form field `roles`.
 */
export function mapFieldErrors<K extends string>(
  t: TFunction,
  error: unknown,
  formFields: readonly K[],
): { fields: Partial<Record<K, string>>; other: string[] } {
  const fields: Partial<Record<K, string>> = {};
  const other: string[] = [];
  if (!(error instanceof ApiError)) return { fields, other };
  for (const [path, message] of Object.entries(error.fields)) {
    const head = path.split('.')[0] ?? path;
    const field = formFields.find((f) => f === head);
    const text = translateFieldMessage(t, message);
    if (field !== undefined && fields[field] === undefined) fields[field] = text;
    else other.push(`${path} — ${text}`);
  }
  return { fields, other };
}

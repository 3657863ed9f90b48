// Error sentences and server field messages in the interface language.
import { describe, expect, it } from 'vitest';
import i18n from './i18n';
import { ApiError } from '../api/client';
import { describeError, mapFieldErrors, translateFieldMessage } from './errors';

describe('error messages', () => {
  const t = i18n.t.bind(i18n);

  it('translates known server rules and keeps unknown ones', () => {
    expect(translateFieldMessage(t, 'is required')).toBe('Ce champ est obligatoire.');
    expect(translateFieldMessage(t, 'must be at least 10 characters')).toBe('Au moins 10 caractères.');
    expect(translateFieldMessage(t, 'something new')).toBe('something new');
  });

  it('maps field paths onto form fields and keeps the rest apart', () => {
    const error = new ApiError(400, 'invalid_input', 'bad', { 'roles.1': 'is invalid', body: 'must be valid JSON' });
    const mapped = mapFieldErrors(t, error, ['roles', 'username'] as const);
    expect(mapped.fields).toEqual({ roles: 'Valeur non valide.' });
    expect(mapped.other).toHaveLength(1);
  });

  it('describes a stale version and a lockout', () => {
    expect(describeError(t, new ApiError(412, 'stale_version', 'x'))).toMatch(/Quelqu'un d'autre a modifié/);
    expect(describeError(t, new ApiError(429, 'too_many_attempts', 'x', {}, { retryAfterSeconds: 61 }))).toMatch(/2 minute/);
  });
});

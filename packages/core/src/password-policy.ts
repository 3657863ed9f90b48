// Password rules (NIST SP 800-63B style: length and a block list rather than composition tricks).

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set([
  'password', 'password1', 'password123', '1234567890', '12345678910', 'qwertyuiop', 'azertyuiop',
  'motdepasse', 'motdepasse1', 'iloveyou12', 'administrator', 'administrateur', 'welcome123',
  'bienvenue1', 'bienvenue123', 'taama12345', 'mali123456', 'bamako2025', '0123456789', 'abcdefghij',
]);

/** Returns the rule a password breaks (a message key), or undefined when it is acceptable. */
export function passwordProblem(password: string, username?: string): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is too common';
  if (new Set(lower).size < 4) return 'must contain at least 4 different characters';
  if (username && username.length >= 3 && lower.includes(username.toLowerCase())) return 'must not contain the username';
  return undefined;
}

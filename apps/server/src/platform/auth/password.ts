// Password hashing with argon2id (off the event loop) and the password policy.
import { hash, verify } from '@node-rs/argon2';
import { passwordProblem } from '@taama/core';
import { Invalid } from '../errors';

// algorithm 2 = Argon2id (the package's const enum cannot be imported under isolated modules).
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password (argon2id, OWASP's minimum parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Verifying against this keeps the time of a login for an unknown user like that of a known one.
let decoyHash: Promise<string> | undefined;

/** Checks a password against a stored hash; with no hash, spends the same time and says no. */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    decoyHash ??= hashPassword('decoy-password-for-timing');
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** Throws a 400 naming the field when the password breaks the policy. */
export function assertPasswordAcceptable(password: string, username: string | undefined, field = 'password'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new Invalid({ [field]: problem }, `The password ${problem}`);
}

// Identifiers: UUIDv7 (time-ordered), safe to generate on a device that is offline (SPEC §2).
import { v7, validate, version } from 'uuid';

/** A new UUIDv7. */
export function newId(): string {
  return v7();
}

/** Tells whether a string is a UUID of any version. */
export function isUuid(value: string): boolean {
  return validate(value) && version(value) > 0;
}

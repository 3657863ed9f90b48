// Field shapes shared by the return schemas.
import { Type } from 'typebox';
import { Uuid } from './common';

/** A required text of at most `maxLength` characters. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
/** A free-text note. */
export const Note = Type.String({ maxLength: 2000 });
/** A user as shown beside a record. */
export const UserRef = Type.Object({ id: Uuid, displayName: Type.String() });

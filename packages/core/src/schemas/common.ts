// Building blocks shared by every API schema: ids, codes, dates, pagination, the error shape.
import { Type, type Static, type TSchema } from 'typebox';
import { SCOPE_KINDS, SENSITIVITY_LEVELS, type Sensitivity } from '../access';

/**
 * Marks a property with its sensitivity label. Responses omit it for roles whose ceiling is lower,
 * so the property is optional by construction.
 */
export function sensitive<T extends TSchema>(level: Sensitivity, schema: T) {
  return Type.Optional({ ...schema, [SENSITIVITY_KEYWORD]: level } as T);
}

/** The JSON Schema keyword that carries a field's sensitivity label. */
export const SENSITIVITY_KEYWORD = 'x-sensitivity';

/** A closed string enumeration from a const array of codes. */
export function Codes<const Values extends string[]>(codes: readonly [...Values], options: { description?: string } = {}) {
  return Type.Enum(codes, options);
}

export const Uuid = Type.String({ format: 'uuid', description: 'UUID (v7 when Taama generates it)' });
// Years 1000–2999 only: a year 0000 passed the date format, and date arithmetic on it then produced
// six-digit years that never compared past the end of a range (the fuzzing test found a loop).
export const DateString = Type.String({ format: 'date', pattern: '^[12][0-9]{3}-[0-9]{2}-[0-9]{2}$', description: 'Calendar date YYYY-MM-DD (years 1000–2999)' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 timestamp, UTC' });
export const Pcode = Type.String({ pattern: '^[A-Z]{2}[0-9]{0,6}$', maxLength: 8, description: 'OCHA COD-AB P-code, e.g. ML0103' });
export const CountryCode = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 country code' });
export const Code = Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{0,63}$', description: 'lower-case code' });
export const ShortText = Type.String({ minLength: 1, maxLength: 200 });
export const Version = Type.Integer({ minimum: 1, description: 'optimistic concurrency version' });

export const ScopeKindSchema = Codes(SCOPE_KINDS);
export const SensitivityLevel = Codes(SENSITIVITY_LEVELS);

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });
export type IdParams = Static<typeof IdParams>;

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
};

/** A value or null. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}

/** A page of results, as every list route returns (SPEC §13). */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}

export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      fields: Type.Optional(Type.Record(Type.String(), Type.String())),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error response' },
);
export type ErrorBody = Static<typeof ErrorBody>;

/** Who did something and when, as carried by every record (SPEC §2). */
export const RecordStamp = {
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

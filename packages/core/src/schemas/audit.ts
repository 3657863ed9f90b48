// The audit trail (SPEC §3): entries, filters and chain verification.
import { Type, type Static } from 'typebox';
import { Code, PageQuery, Page, Timestamp, Uuid, DateString } from './common';

export const AuditEntry = Type.Object({
  seq: Type.Integer(),
  id: Uuid,
  at: Timestamp,
  actorId: Type.Union([Uuid, Type.Null()]),
  actorUsername: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  details: Type.Record(Type.String(), Type.Unknown()),
  hash: Type.String(),
});
export type AuditEntry = Static<typeof AuditEntry>;

export const AuditQuery = Type.Object(
  {
    recordId: Type.Optional(Type.String({ maxLength: 100 })),
    entityType: Type.Optional(Type.String({ maxLength: 60 })),
    actorId: Type.Optional(Uuid),
    action: Type.Optional(Code),
    from: Type.Optional(DateString),
    to: Type.Optional(DateString),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;
export const AuditPage = Page(AuditEntry);

export const AuditVerifyResult = Type.Union([
  Type.Object({ ok: Type.Literal(true), entries: Type.Integer() }),
  Type.Object({
    ok: Type.Literal(false),
    entries: Type.Integer(),
    firstBrokenEntry: Type.Integer({ description: 'sequence number of the first entry whose hash or link fails' }),
    reason: Type.String(),
  }),
]);
export type AuditVerifyResult = Static<typeof AuditVerifyResult>;

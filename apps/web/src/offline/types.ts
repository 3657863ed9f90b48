// The offline sync wire format as the device uses it (issue 9 contract; the server's schemas live in
// core). Kept structural here so the offline engine needs no schema library at run time.

/** What one queued change asks the server to do. */
export interface OutgoingChange {
  idempotencyKey: string;
  type: string;
  record: Record<string, unknown>;
  baseVersion?: number;
  base?: Record<string, unknown>;
  recordedAt: string;
}

/** One field both sides changed since the device's base version. */
export interface ConflictField {
  field: string;
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** The server's answer to one change. */
export interface ChangeResult {
  idempotencyKey: string;
  status: 'applied' | 'duplicate' | 'conflict' | 'rejected';
  id?: string;
  version?: number;
  record?: Record<string, unknown>;
  conflict?: { fields: ConflictField[]; serverRecord: Record<string, unknown> };
  error?: { code: string; message: string; fields?: Record<string, string> };
}

/** POST /sync/push answer. */
export interface PushResponse {
  results: ChangeResult[];
  wipe?: boolean;
}

/** One record of the caseload to store or forget. */
export interface PulledChange {
  type: string;
  op: 'upsert' | 'remove';
  id: string;
  version: number;
  record: Record<string, unknown> | null;
}

/** GET /sync/pull answer. */
export interface PullResponse {
  changes: PulledChange[];
  cursor: string;
  hasMore: boolean;
  wipe: boolean;
}

/** A record held on the device: the server's copy and the device's own edits not yet accepted. */
export interface LocalRecord {
  entity: string;
  id: string;
  /** The server version the device holds; 0 for a record created on the device. */
  version: number;
  record: Record<string, unknown>;
  /** Fields edited on the device and still in the outbox. */
  pending?: Record<string, unknown>;
}

/** Where a queued change stands. */
export type OutboxStatus = 'pending' | 'conflict' | 'rejected';

/** A queued change with its delivery state. */
export interface OutboxEntry {
  change: OutgoingChange;
  status: OutboxStatus;
  attempts: number;
  /** Epoch milliseconds before which the change is not sent again. */
  nextAttemptAt: number;
  /** A short description for the pending-changes list (entity and name). */
  label: string;
  error?: ChangeResult['error'];
  conflict?: ChangeResult['conflict'];
}

// Imports flow counts or surveys from a streamed CSV/XLSX upload: rows are read one at a time,
// converted, checked by core's rules and inserted in multi-row batches keyed by a stable row key
// (`on conflict do nothing`), so re-importing a file adds nothing. Modes:
//  - dry-run: everything runs inside a transaction that is rolled back (exact counts, no writes);
//  - all-or-nothing: one transaction, rolled back when any row is rejected;
//  - valid-only: each batch commits on its own, so progress stays visible and memory flat.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { sql } from 'kysely';
import { isUuid, newId, type FieldError, type ImportKind, type ImportMode, type ImportProgress, type ImportReport, type RejectedRow } from '@taama/core';
import { engineOf, pinConnection, type Tx } from '../../../platform/db/database';
import { inTransaction } from '../../../platform/db/tx';
import { appendAudit } from '../../../platform/audit/audit';
import { actorOf, can, type RequestContext } from '../../../platform/auth/context';
import { AppError, Conflict, NotFound } from '../../../platform/errors';
import { countErrors, countRow, loadRuleData } from '../counts.service';
import { surveyErrors, surveyRow } from '../surveys.service';
import { buildCount, buildSurvey } from './build';
import { rowConverter } from './convert';
import { isBlankRecord } from './csv';
import { uuidV7Maker } from './ids';
import { copyWriter, insertWriter, type PreparedRow } from './write';
import { isHxlRow, planColumns, type ColumnPlan } from './headers';
import { fileRows, type FileRow } from './read';
import { savedMapping, saveMapping } from './mappings.service';

/** 400 for a file that cannot be imported at all; carries the column report for the mapping step. */
export class ImportFileInvalid extends AppError {
  readonly status = 400;
  readonly code = 'invalid_file';
  constructor(message: string, fields: Record<string, string>, details?: Record<string, unknown>) {
    super(message, fields, details);
  }
}

/** Rows per write: one multi-row insert on the embedded database, one COPY (and, in valid-only mode, one commit) on PostgreSQL. */
export const BATCH_SIZE = { insert: 5000, copy: 20_000 } as const;

export interface ImportRequest {
  kind: ImportKind;
  mode: ImportMode;
  fileName: string;
  source: string | null;
  mapping: Record<string, string> | null;
  importId: string | null;
  totalBytes: number | null;
  file: Readable;
}

interface ProgressEntry extends ImportProgress {
  userId: string;
}

// In-process progress: enough for one server process (documented); entries expire after an hour.
const progress = new Map<string, ProgressEntry>();
const PROGRESS_TTL_MS = 60 * 60 * 1000;

/** The progress of an import started by this user. */
export function importProgress(ctx: RequestContext, importId: string): ImportProgress {
  const entry = progress.get(importId);
  if (!entry || entry.userId !== ctx.user.id) throw new NotFound('Import');
  return { status: entry.status, rowsRead: entry.rowsRead, bytesRead: entry.bytesRead, totalBytes: entry.totalBytes };
}

class Rollback extends Error {}

/** Content key: the same values always give the same key; the n-th identical row gets #n. */
function contentKey(kind: ImportKind, values: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(values).sort().map((k) => [k, values[k]]));
  return createHash('sha256').update(kind).update('\0').update(canonical).digest('hex').slice(0, 40);
}

/** Runs an import and returns its report; file-level problems are 4xx, row problems are in the report. */
export async function runImport(ctx: RequestContext, req: ImportRequest): Promise<ImportReport> {
  const importId = req.importId ?? newId();
  if (progress.get(importId)?.status === 'running') throw new Conflict('An import with this id is already running', 'import_running', { 'X-Import-Id': 'is already in use' });
  const entry: ProgressEntry = { status: 'running', rowsRead: 0, bytesRead: 0, totalBytes: req.totalBytes, userId: ctx.user.id };
  progress.set(importId, entry);
  const expire = () => setTimeout(() => progress.delete(importId), PROGRESS_TTL_MS).unref();
  try {
    const mapping = req.mapping ?? (req.source ? await savedMapping(ctx.db, req.kind, req.source) : null) ?? {};
    if (req.mapping && req.source) await saveMapping(ctx, req.kind, req.source, req.mapping);
    const data = await loadRuleData(ctx.db);
    await ctx.db
      .insertInto('flowImports')
      .values({ id: importId, kind: req.kind, fileName: req.fileName.slice(0, 255), source: req.source, mode: req.mode, status: 'running', userId: ctx.user.id, username: ctx.user.username })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const report = await importRows(ctx, req, importId, mapping, data, entry);
    entry.status = 'done';
    await ctx.db
      .updateTable('flowImports')
      .set({ status: 'done', finishedAt: new Date(), totalRows: report.totalRows, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length })
      .where('id', '=', importId)
      .execute();
    return report;
  } catch (error) {
    entry.status = 'failed';
    await ctx.db.updateTable('flowImports').set({ status: 'failed', finishedAt: new Date(), totalRows: entry.rowsRead }).where('id', '=', importId).execute().catch(() => undefined);
    throw error;
  } finally {
    expire();
    req.file.resume(); // drain what is left of an aborted upload
  }
}

async function importRows(ctx: RequestContext, req: ImportRequest, importId: string, mapping: Record<string, string>, data: Awaited<ReturnType<typeof loadRuleData>>, entry: ProgressEntry): Promise<ImportReport> {
  const batches = fileRows(req.file, req.fileName, (n) => (entry.bytesRead += n))[Symbol.asyncIterator]();
  let pending: FileRow[] = [];
  let at = 0;
  /** The next row of the file, across batches (the header and HXL rows are read one at a time). */
  const nextRow = async (): Promise<FileRow | undefined> => {
    while (at >= pending.length) {
      const next = await batches.next();
      if (next.done) return undefined;
      pending = next.value;
      at = 0;
    }
    return pending[at++];
  };
  const header = await nextRow();
  if (!header) throw new ImportFileInvalid('The file is empty', { file: 'has no header row' });
  let first = await nextRow();
  const hxl = first && isHxlRow(first.cells) ? first.cells : null;
  if (hxl) first = await nextRow();
  const plan = planColumns(req.kind, header.cells, hxl, mapping);
  checkPlan(req.kind, plan);
  const report: ImportReport = { importId, kind: req.kind, mode: req.mode, imported: 0, duplicates: 0, rejected: [], totalRows: 0, columns: { recognised: plan.recognised, unrecognised: plan.unrecognised } };
  const occurrences = new Map<number, number>();
  const mayValidate = can(ctx, 'flow.validate');
  const sourceTag = req.source ?? '';
  const convert = rowConverter(plan, data);
  const makeId = uuidV7Maker();
  const table = req.kind === 'counts' ? 'flow_counts' : 'flow_surveys';
  let batch: PreparedRow[] = [];

  const handle = (fileRow: FileRow) => {
    entry.rowsRead += 1;
    if (isBlankRecord(fileRow.cells)) return;
    report.totalRows += 1;
    const converted = convert(fileRow.cells);
    const errors: FieldError[] = converted.errors;
    const built = buildRow(ctx, req.kind, converted.values, errors, mayValidate, data);
    if (!built) {
      report.rejected.push({ row: fileRow.row, errors } satisfies RejectedRow);
      return;
    }
    // Once all-or-nothing has a rejected row nothing will be written: keep checking, stop inserting.
    if (req.mode === 'all-or-nothing' && report.rejected.length > 0) return;
    const givenId = typeof converted.values.id === 'string' && isUuid(converted.values.id) ? converted.values.id : null;
    let rowKey: string;
    if (givenId) rowKey = `id:${givenId}`;
    else if (converted.externalKey) rowKey = `kobo:${converted.externalKey.startsWith('koboId:') ? `${sourceTag}:` : ''}${converted.externalKey}`;
    else {
      const key = contentKey(req.kind, converted.values);
      // Occurrences are counted by a 52-bit prefix (a number, not a string) to keep a
      // million-row file's bookkeeping small; the key itself keeps all 160 bits.
      const short = Number.parseInt(key.slice(0, 13), 16);
      const n = (occurrences.get(short) ?? 0) + 1;
      occurrences.set(short, n);
      rowKey = `sha:${key}#${n}`;
    }
    const id = givenId ?? makeId();
    const meta = { id, organisationId: ctx.user.organisationId, userId: ctx.user.id, importId, rowKey };
    const row = built.kind === 'counts' ? countRow(built.input, { ...meta, status: built.status }) : surveyRow(built.input, meta);
    batch.push({ id, rowKey, givenId: givenId !== null, row: row as Record<string, unknown> });
  };

  // On PostgreSQL the whole import runs on one held connection, so its batches can be COPYed.
  const pinned = engineOf(ctx.db) === 'postgres' ? await pinConnection(ctx.db) : null;
  const batchSize = pinned ? BATCH_SIZE.copy : BATCH_SIZE.insert;

  const consume = async (write: (items: PreparedRow[]) => Promise<void>) => {
    let inFlight: Promise<void> = Promise.resolve();
    const flush = async () => {
      const full = batch;
      batch = [];
      // One batch is written while the next is parsed and checked: the database and the
      // JavaScript work overlap instead of taking turns. Never more than one write in flight.
      await inFlight;
      inFlight = write(full);
      inFlight.catch(() => undefined); // awaited (and rethrown) before the next write or at the end
    };
    if (first) handle(first);
    for (;;) {
      while (at < pending.length) {
        handle(pending[at++] as FileRow);
        if (batch.length >= batchSize) await flush();
      }
      const next = await batches.next();
      if (next.done) break;
      pending = next.value;
      at = 0;
    }
    await inFlight;
    const rest = batch;
    batch = [];
    await write(rest);
  };

  const db = pinned?.db ?? ctx.db;
  const writer = pinned ? copyWriter(table, pinned.client) : insertWriter(table);
  const insertBatch = async (tx: Tx, items: PreparedRow[]) => {
    if (items.length === 0) return;
    // Any unique clash (row key, or the id of Taama's own export) is a duplicate, not an error.
    const inserted = await writer(tx, items);
    report.imported += inserted;
    report.duplicates += items.length - inserted;
  };
  let broken = false;
  try {
    if (req.mode === 'valid-only') {
      await consume((items) => inTransaction(db, (tx) => insertBatch(tx, items)));
      if (report.imported > 0) await inTransaction(db, (tx) => auditImport(tx, ctx, req, report));
      return report;
    }
    try {
      await inTransaction(db, async (tx) => {
        await consume((items) => insertBatch(tx, items));
        if (req.mode === 'dry-run' || report.rejected.length > 0) throw new Rollback();
        await auditImport(tx, ctx, req, report);
      });
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
      // All-or-nothing with rejections wrote nothing; a dry run reports what would have been written.
      if (req.mode === 'all-or-nothing') report.imported = 0;
    }
    return report;
  } catch (error) {
    // A connection left mid-protocol by a failed COPY must not go back to the pool.
    broken = (error as { code?: unknown }).code === undefined;
    throw error;
  } finally {
    pinned?.release(broken);
  }
}

type Built = { kind: 'counts'; input: NonNullable<ReturnType<typeof buildCount>>['input']; status: string } | { kind: 'surveys'; input: NonNullable<ReturnType<typeof buildSurvey>> };

function buildRow(_ctx: RequestContext, kind: ImportKind, values: Record<string, unknown>, errors: FieldError[], mayValidate: boolean, data: Awaited<ReturnType<typeof loadRuleData>>): Built | null {
  if (kind === 'counts') {
    const built = buildCount(values, errors, mayValidate);
    if (!built) return null;
    errors.push(...countErrors(built.input, data));
    return errors.length > 0 ? null : { kind, input: built.input, status: built.status };
  }
  const input = buildSurvey(values, errors);
  if (!input) return null;
  errors.push(...surveyErrors(input, data));
  return errors.length > 0 ? null : { kind, input };
}

/** A file whose columns cannot make a single record is refused as a whole, with the column report. */
function checkPlan(kind: ImportKind, plan: ColumnPlan): void {
  const columns = { recognised: plan.recognised, unrecognised: plan.unrecognised };
  const mapped = new Set(plan.roles.flatMap((r) => (r.kind === 'field' || r.kind === 'option' ? [r.field.name] : [])));
  if (mapped.size === 0) {
    throw new ImportFileInvalid('No column of the file is a known field; give a mapping', { file: 'has no recognised column' }, { columns });
  }
  const required = kind === 'counts' ? ['fmpId', 'date', 'direction', 'originCountry', 'transportMode', 'men', 'women', 'boys', 'girls', 'total'] : ['fmpId', 'date', 'consent'];
  const missing = required.filter((f) => !mapped.has(f));
  if (kind === 'counts' && !mapped.has('finalDestinationCountry') && !mapped.has('nextDestinationCountry')) missing.push('finalDestinationCountry');
  if (missing.length > 0) {
    throw new ImportFileInvalid(`The file has no column for: ${missing.join(', ')}`, { file: `has no column for required field(s) ${missing.join(', ')}` }, { columns, missing });
  }
}

async function auditImport(tx: Tx, ctx: RequestContext, req: ImportRequest, report: ImportReport): Promise<void> {
  await appendAudit(tx, actorOf(ctx), {
    action: `flow_${req.kind === 'counts' ? 'count' : 'survey'}.import`,
    entityType: 'flow_import',
    entityId: report.importId,
    details: { fileName: req.fileName, source: req.source, mode: req.mode, imported: report.imported, duplicates: report.duplicates, rejected: report.rejected.length },
  });
}

/** The import history, newest first. */
export async function listImports(ctx: RequestContext, page: { limit?: number; cursor?: string }) {
  const limit = page.limit ?? 50;
  let q = ctx.db.selectFrom('flowImports').selectAll();
  // Imports belong to whoever ran them: organisation scope sees its members' imports, narrower scopes their own.
  if (ctx.scope.kind === 'organisation') q = q.where('userId', 'in', ctx.db.selectFrom('users').select('id').where('organisationId', '=', ctx.scope.organisationId));
  else if (ctx.scope.kind !== 'all') q = q.where('userId', '=', ctx.user.id);
  if (page.cursor) {
    const [at, id] = Buffer.from(page.cursor, 'base64url').toString('utf8').split('|');
    if (at && id && isUuid(id)) q = q.where(sql<boolean>`(started_at, id) < (${at}::timestamptz, ${id}::uuid)`);
  }
  const rows = await q.orderBy('startedAt', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map((r) => ({
      id: r.id,
      kind: r.kind as ImportKind,
      fileName: r.fileName,
      source: r.source,
      mode: r.mode as ImportMode,
      status: r.status as ImportProgress['status'],
      userId: r.userId,
      username: r.username,
      startedAt: new Date(r.startedAt).toISOString(),
      finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
      totalRows: r.totalRows,
      imported: r.imported,
      duplicates: r.duplicates,
      rejected: r.rejected,
    })),
    nextCursor: more && last ? Buffer.from(`${new Date(last.startedAt).toISOString()}|${last.id}`).toString('base64url') : null,
  };
}

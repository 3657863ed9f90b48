// COPY … FROM STDIN through node-postgres without an extra package: pg hands a "submittable" the
// connection and forwards the COPY sub-protocol messages to it. Rows are written in COPY's text
// format, so a million rows stream without ever being one string or one statement.
import { createReadStream } from 'node:fs';
import type pg from 'pg';

type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void; sendCopyFail(message: string): void };

/** Streams `chunks` (already COPY-formatted) into `statement` (a `copy … from stdin`). */
export function copyChunks(client: pg.PoolClient, statement: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    const submittable = {
      submit(connection: Connection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: Connection) {
        void (async () => {
          try {
            for await (const chunk of chunks) connection.sendCopyFromChunk(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
            connection.endCopyFrom();
          } catch (error) {
            connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          }
        })();
      },
      handleCommandComplete() {},
      handleError(error: Error) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    };
    // pg accepts any object with submit(); its typings only know Query configs.
    (client as unknown as { query(s: unknown): void }).query(submittable);
  });
}

/** Streams a file into a `copy … from stdin` statement. */
export function copyFile(client: pg.PoolClient, statement: string, path: string): Promise<void> {
  return copyChunks(client, statement, createReadStream(path) as AsyncIterable<Buffer>);
}

/** One value in COPY text format (null → \N; arrays as PostgreSQL array literals; objects as JSON). */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (Array.isArray(value)) text = `{${value.map((v) => (v === null ? 'NULL' : `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') text = JSON.stringify(value);
  else if (typeof value === 'boolean') text = value ? 't' : 'f';
  else text = String(value);
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

/** Groups rows into COPY text chunks of about 256 KB. */
export function* copyLines(rows: Iterable<readonly unknown[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyValue).join('\t')}\n`;
    if (chunk.length > 1 << 18) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

/** COPYs rows (arrays in `columns` order) into a table; returns how many. */
export async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<number> {
  let n = 0;
  const counted = (function* () {
    for (const row of rows) {
      n++;
      yield row;
    }
  })();
  await copyChunks(client, `copy ${table} (${columns.join(', ')}) from stdin`, copyLines(counted));
  return n;
}

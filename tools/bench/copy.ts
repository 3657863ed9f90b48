// COPY helpers for the benchmark's fill: the COPY sub-protocol itself lives in the server
// (platform/db/copy.ts, used by the flow import); these stream files and generated rows through it.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type pg from 'pg';
import { copyChunks } from '../../apps/server/src/platform/db/copy';

export { copyChunks };

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

/** Streams the output of a `copy … to stdout` statement into a file. */
export async function copyOutToFile(client: pg.PoolClient, statement: string, path: string): Promise<void> {
  const out = createWriteStream(path);
  await new Promise<void>((resolve, reject) => {
    let failed: Error | null = null;
    const submittable = {
      submit(connection: { query(text: string): void }) {
        connection.query(statement);
      },
      handleCopyOutResponse() {},
      handleCopyData(message: { chunk: Buffer }) {
        out.write(Buffer.from(message.chunk)); // pg reuses its read buffer: keep a copy
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
    (client as unknown as { query(s: unknown): void }).query(submittable);
  });
  out.end();
  await once(out, 'finish');
}

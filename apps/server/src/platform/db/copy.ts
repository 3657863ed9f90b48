// COPY … FROM STDIN through node-postgres without an extra package: pg hands a "submittable" the
// connection and forwards the COPY sub-protocol messages to it. Used by the flow import on
// PostgreSQL and by the benchmark's fill. The embedded database's socket server does not speak
// the COPY sub-protocol (it drops the connection), so callers check `engineOf` first.
import type pg from 'pg';

type Connection = { query(text: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void; sendCopyFail(message: string): void };

/** Streams `chunks` (already in COPY's text format) into `statement` (a `copy … from stdin`). */
export function copyChunks(client: pg.PoolClient | pg.Client, statement: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<void> {
  return new Promise((resolve, reject) => {
    // pg forgets the active query when the server reports an error (its ReadyForQuery then goes to
    // nobody), so an error settles the promise at once, and stops the sending: data sent after the
    // next statement would be read as that statement's input if it is a COPY too.
    let failed = false;
    const submittable = {
      submit(connection: Connection) {
        connection.query(statement);
      },
      handleCopyInResponse(connection: Connection) {
        void (async () => {
          try {
            for await (const chunk of chunks) {
              if (failed) return;
              connection.sendCopyFromChunk(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
            }
            if (!failed) connection.endCopyFrom();
          } catch (error) {
            if (!failed) connection.sendCopyFail(error instanceof Error ? error.message : String(error));
          }
        })();
      },
      handleCommandComplete() {},
      handleError(error: Error) {
        failed = true;
        reject(error);
      },
      handleReadyForQuery() {
        resolve();
      },
    };
    // pg accepts any object with submit(); its typings only know Query configs.
    (client as unknown as { query(s: unknown): void }).query(submittable);
  });
}

const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: null → \N, booleans t/f, dates ISO, objects and arrays as JSON. */
export function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number') return String(value);
  else if (typeof value === 'boolean') return value ? 't' : 'f';
  else if (value instanceof Date) return value.toISOString();
  else text = JSON.stringify(value);
  return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c] ?? c) : text;
}

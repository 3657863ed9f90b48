// Streams the rows of an uploaded CSV or XLSX file without holding the file in memory: the CSV
// path sniffs the encoding (UTF-8, with or without BOM, or Windows-1252) and the delimiter, then
// feeds the chunked parser of csv.ts; the XLSX path uses exceljs's streaming reader on the first sheet.
import { Readable, Transform } from 'node:stream';
import { TextDecoder } from 'node:util';
import ExcelJS from 'exceljs';
import { Invalid } from '../../../platform/errors';
import { CsvParser, isBlankRecord } from './csv';

/** One row of the file: its number (header = 1, like a spreadsheet) and its cells as text. */
export interface FileRow {
  row: number;
  cells: string[];
}

/** Called as bytes of the upload are consumed. */
export type ByteCounter = (bytes: number) => void;

const SNIFF_BYTES = 64 * 1024;
/** Bytes Windows-1252 leaves undefined: a file containing them is not Windows-1252 text. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** A well-formed UTF-8 multi-byte sequence, matched on the bytes read as Latin-1. */
const UTF8_MULTIBYTE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;

/** Reads the first bytes of a stream and gives them back with a stream that replays them first. */
async function peek(source: Readable, size: number): Promise<{ head: Buffer; rest: Readable }> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const chunks: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    chunks.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, rest: Readable.from(replay(), { objectMode: false }) };
}

/** Tells which text encoding the first bytes are in; throws a file-level 400 for anything else. */
export function sniffEncoding(head: Buffer): { encoding: 'utf-8' | 'windows-1252'; bom: number } {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw new Invalid({ file: 'is UTF-16 text; save it as CSV UTF-8' }, 'The file is in an unsupported encoding');
  }
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  if (head.subarray(0, 8192).includes(0)) throw new Invalid({ file: 'is not a text CSV file (binary content)' }, 'The file is not a CSV file');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(bom), { stream: true });
    return { encoding: 'utf-8', bom };
  } catch {
    // Valid UTF-8 sequences next to invalid bytes: a mixed file. Read it as UTF-8 and let the rows
    // holding the invalid bytes be rejected one by one, rather than garbling every accent.
    if (bom > 0 || UTF8_MULTIBYTE.test(head.toString('latin1'))) return { encoding: 'utf-8', bom };
    if (!head.some((b) => CP1252_UNDEFINED.has(b))) return { encoding: 'windows-1252', bom: 0 };
    throw new Invalid({ file: 'is neither valid UTF-8 nor Windows-1252 text; save it as CSV UTF-8' }, 'The file has an unreadable encoding');
  }
}

/** The delimiter of the first line: the most frequent of `;`, `,` and tab outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let most = 0;
  for (const [delimiter, n] of counts) {
    if (n > most) {
      best = delimiter;
      most = n;
    }
  }
  return best;
}

/** Streams the rows of a CSV upload, a batch per chunk of the file; blank lines are skipped and not numbered. */
export async function* csvRows(source: Readable, onBytes: ByteCounter): AsyncGenerator<FileRow[]> {
  const { head, rest } = await peek(source, SNIFF_BYTES);
  if (head.length === 0 || head.toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trim() === '') {
    throw new Invalid({ file: 'is empty' }, 'The file is empty');
  }
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    throw new Invalid({ file: 'is a zip or XLSX file, not CSV; upload it with the .xlsx extension' }, 'The file is not a CSV file');
  }
  const { encoding, bom } = sniffEncoding(head);
  const delimiter = sniffDelimiter(new TextDecoder(encoding).decode(head.subarray(bom, 16384)));
  // Invalid UTF-8 becomes U+FFFD, which the conversion reports on the row that holds it.
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: true });
  const parser = new CsvParser(delimiter);
  let skip = bom;
  let row = 0;
  const numbered = (records: string[][]): FileRow[] => {
    const rows: FileRow[] = [];
    for (const cells of records) {
      if (isBlankRecord(cells)) continue;
      row += 1;
      rows.push({ row, cells });
    }
    return rows;
  };
  for await (const chunk of rest as AsyncIterable<Buffer>) {
    onBytes(chunk.length);
    const bytes = skip > 0 ? chunk.subarray(skip) : chunk;
    skip = Math.max(0, skip - chunk.length);
    const rows = numbered(parser.push(decoder.decode(bytes, { stream: true })));
    if (rows.length > 0) yield rows;
  }
  const rows = numbered(parser.push(decoder.decode(), true));
  if (rows.length > 0) yield rows;
}

/** The text of an exceljs cell value (numbers as written, dates as YYYY-MM-DD, rich text joined). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}

const XLSX_BATCH = 1000;

/** Streams the rows of the first sheet of an XLSX upload, in batches. */
export async function* xlsxRows(source: Readable, onBytes: ByteCounter): AsyncGenerator<FileRow[]> {
  const counted = source.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        onBytes(chunk.length);
        done(null, chunk);
      },
    }),
  );
  source.on('error', (error) => counted.destroy(error));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let sawSheet = false;
  let batch: FileRow[] = [];
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values : [];
        const cells: string[] = [];
        // exceljs rows are 1-based and sparse; absent cells are empty answers.
        for (let i = 1; i < values.length; i += 1) cells.push(cellText(values[i] as ExcelJS.CellValue).trim());
        batch.push({ row: row.number, cells });
        if (batch.length >= XLSX_BATCH) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
      break; // the main table is the first sheet; repeat groups follow on others
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('FST_')) throw error;
    throw new Invalid({ file: 'is not a readable XLSX workbook' }, 'The file could not be read as XLSX');
  } finally {
    counted.resume();
  }
  if (!sawSheet) throw new Invalid({ file: 'has no worksheet' }, 'The file is empty');
}

/** Streams the rows of an upload in batches, choosing the reader from the file name or the zip signature. */
export async function* fileRows(source: Readable, fileName: string, onBytes: ByteCounter): AsyncGenerator<FileRow[]> {
  const { head, rest } = await peek(source, 4);
  const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  if (zip || /\.xlsx$/i.test(fileName)) {
    if (!zip) throw new Invalid({ file: 'has the .xlsx extension but is not an XLSX workbook' }, 'The file could not be read as XLSX');
    yield* xlsxRows(rest, onBytes);
  } else {
    if (/\.xls$/i.test(fileName)) throw new Invalid({ file: 'is an old Excel .xls file; save it as .xlsx or CSV' }, 'Unsupported file type');
    yield* csvRows(rest, onBytes);
  }
}

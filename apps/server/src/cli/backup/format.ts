// The backup file: gzip'd JSON lines. Line 1 is the header object; then, per table, a marker line
// `["table","<name>"]` followed by one row object per line (PostgreSQL's own row_to_json text, never
// parsed in JavaScript, so numbers and timestamps keep their exact form); last, a trailer line
// `["end",{rows,sequences}]`. Markers are arrays and rows are objects, so one character tells them
// apart; a missing trailer means the file is incomplete.
import type { Readable } from 'node:stream';
import { CommandFailed } from '../args';

export const BACKUP_FORMAT = 'taama-backup';
export const BACKUP_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
  /** Columns whose values are wrapped as `[value]` (json/jsonb), so JSON null differs from SQL NULL. */
  jsonColumns: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  taamaVersion: string;
  /** 'pglite' (embedded) or 'postgres': where the backup was taken. */
  source: string;
  /** Applied migrations, oldest first: the schema the rows fit. */
  migrations: string[];
  /** Tables in the order their sections follow (parents before children). */
  tables: BackupTable[];
}

export interface SequenceState {
  /** bigint as text: sequences may exceed 2^53. */
  value: string;
  called: boolean;
}

export interface BackupTrailer {
  rows: Record<string, number>;
  sequences: Record<string, SequenceState>;
}

/** The marker line that opens a table's rows. */
export function tableMarker(name: string): string {
  return JSON.stringify(['table', name]);
}

/** The last line of a complete backup. */
export function trailerLine(trailer: BackupTrailer): string {
  return JSON.stringify(['end', trailer]);
}

/** Parses and checks the header line. */
export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader> | undefined;
  try {
    header = line === undefined ? undefined : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    header = undefined;
  }
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) {
    throw new CommandFailed(`${file} is not a Taama backup (no taama-backup header).`);
  }
  if (header.version !== BACKUP_VERSION) {
    throw new CommandFailed(`${file} is a version ${String(header.version)} backup; this Taama reads version ${BACKUP_VERSION}.`);
  }
  return header as BackupHeader;
}

export type Marker = { kind: 'table'; name: string } | { kind: 'end'; trailer: BackupTrailer };

/** Parses a marker line (one starting with "["). */
export function parseMarker(line: string, lineNumber: number): Marker {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CommandFailed(`Backup line ${lineNumber} is not valid JSON: the file is damaged.`);
  }
  if (Array.isArray(value) && value[0] === 'table' && typeof value[1] === 'string') return { kind: 'table', name: value[1] };
  if (Array.isArray(value) && value[0] === 'end' && typeof value[1] === 'object' && value[1] !== null) {
    const trailer = value[1] as Partial<BackupTrailer>;
    if (typeof trailer.rows === 'object' && trailer.rows !== null && typeof trailer.sequences === 'object' && trailer.sequences !== null) {
      return { kind: 'end', trailer: trailer as BackupTrailer };
    }
  }
  throw new CommandFailed(`Backup line ${lineNumber} is not a known marker: the file is damaged.`);
}

/** Splits a text stream into lines (without the newline); stream errors (a bad gzip) are thrown. */
export async function* readLines(stream: Readable): AsyncGenerator<string> {
  stream.setEncoding('utf8');
  let rest = '';
  for await (const chunk of stream as AsyncIterable<string>) {
    rest += chunk;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl !== -1; nl = rest.indexOf('\n', start)) {
      yield rest.slice(start, nl);
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  if (rest.length > 0) yield rest;
}

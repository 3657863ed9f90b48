// An incremental CSV parser for imports: text goes in by chunks, whole records come out. RFC 4180
// quoting (delimiters, quotes doubled, line breaks inside quotes), line ends \n, \r\n or \r. A line
// without quotes is split natively, which is what most files hold; a quote sends that record through
// the character-by-character path. Lenient like spreadsheet readers: text after a closing quote is
// kept, an unclosed quote runs to the end of the file.

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Tells whether a record holds nothing but blanks (such lines are skipped, as spreadsheets show nothing). */
export function isBlankRecord(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}

/** Parses CSV text pushed in chunks; `push` returns the records completed so far. */
export class CsvParser {
  private pending = '';
  private readonly delimiter: string;
  private readonly delimiterCode: number;

  constructor(delimiter: string) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') throw new Error('the delimiter must be one character other than a quote or line end');
    this.delimiter = delimiter;
    this.delimiterCode = delimiter.charCodeAt(0);
  }

  /** Adds text; `final` marks the end of the input (a last record without a line end is complete). */
  push(text: string, final = false): string[][] {
    const s = this.pending === '' ? text : this.pending + text;
    const records: string[][] = [];
    const n = s.length;
    let i = 0;
    while (i < n) {
      const lineEnd = s.indexOf('\n', i);
      if (lineEnd === -1 && !final) break; // the record is not complete yet
      const end = lineEnd === -1 ? n : lineEnd;
      const line = s.slice(i, end > i && s.charCodeAt(end - 1) === CR ? end - 1 : end);
      if (line.indexOf('"') === -1 && line.indexOf('\r') === -1) {
        records.push(line.split(this.delimiter));
        i = end + 1;
        continue;
      }
      const next = this.record(s, i, final, records);
      if (next === -1) break;
      i = next;
    }
    this.pending = i >= n ? '' : s.slice(i);
    return records;
  }

  /** Parses one record from `start` character by character; returns where the next one starts, or -1 when more text is needed. */
  private record(s: string, start: number, final: boolean, out: string[][]): number {
    const n = s.length;
    const d = this.delimiterCode;
    const cells: string[] = [];
    let i = start;
    for (;;) {
      let value = '';
      if (i < n && s.charCodeAt(i) === QUOTE) {
        let from = i + 1;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q === -1) {
            if (!final) return -1;
            value += s.slice(from); // unclosed quote: the rest of the file
            i = n;
            break;
          }
          if (q + 1 >= n && !final) return -1; // a doubled quote may follow in the next chunk
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
      }
      // Unquoted text, or text after a closing quote: up to the delimiter or the line end.
      let j = i;
      while (j < n) {
        const c = s.charCodeAt(j);
        if (c === d || c === LF || c === CR) break;
        j += 1;
      }
      value += s.slice(i, j);
      cells.push(value);
      if (j >= n) {
        if (!final) return -1;
        out.push(cells);
        return n;
      }
      const c = s.charCodeAt(j);
      if (c === d) {
        i = j + 1;
        continue;
      }
      if (c === CR) {
        if (j + 1 >= n && !final) return -1; // \r\n may be split between chunks
        out.push(cells);
        return s.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      }
      out.push(cells);
      return j + 1;
    }
  }
}

// CSV files built in the browser from the data a chart or table shows: RFC 4180 quoting, and cells a
// spreadsheet would run as a formula neutralised (OWASP "CSV injection").

/** One cell of a CSV file; null and undefined are written empty. */
export type CsvCell = string | number | boolean | null | undefined;

// A spreadsheet treats a cell starting with one of these as a formula or a control sequence.
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text, prefixed with `'` when a spreadsheet would otherwise evaluate it. */
export function neutraliseCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  // A number is data, even a negative one: only text can smuggle a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a table (header row first), lines ending with CRLF. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map((cell) => quote(neutraliseCell(cell))).join(',')).join('\r\n') + '\r\n';
}

/** A CSV blob with a byte-order mark, so spreadsheet programs read accents as UTF-8. */
export function csvBlob(rows: readonly (readonly CsvCell[])[]): Blob {
  return new Blob(['\uFEFF', toCsv(rows)], { type: 'text/csv;charset=utf-8' });
}

/** Saves a blob or a data URL as a file through a temporary link. */
export function saveFile(name: string, content: Blob | string): void {
  const href = typeof content === 'string' ? content : URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  if (typeof content !== 'string') setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** A file name made of safe characters from a title, with the extension given. */
export function fileNameFor(title: string, extension: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'taama'}.${extension}`;
}

/** A table of values: column headers and rows, the data behind a chart. */
export interface ChartTable {
  header: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/** Pivots long series (category, series, value) into one row per category and one column per series. */
export function pivotSeries(
  items: readonly { category: string; series: string; value: number | null }[],
  labels: { category: string; seriesLabel?: (series: string) => string },
): ChartTable {
  const categories: string[] = [];
  const series: string[] = [];
  const cells = new Map<string, number | null>();
  for (const item of items) {
    if (!categories.includes(item.category)) categories.push(item.category);
    if (!series.includes(item.series)) series.push(item.series);
    cells.set(`${item.category}\u0000${item.series}`, item.value);
  }
  return {
    header: [labels.category, ...series.map((s) => labels.seriesLabel?.(s) ?? s)],
    rows: categories.map((category) => [category, ...series.map((s) => cells.get(`${category}\u0000${s}`) ?? null)]),
  };
}

/** Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += char;
    }
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

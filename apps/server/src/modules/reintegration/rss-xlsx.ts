// RSS instruments as XLSX workbooks (docs/reintegration.md): sheets `meta` (key, value), `items`
// (one row per question or derived item) and `options` (one row per answer option). The template is
// the shipped default instrument written in that layout, so it is a complete working example.
import ExcelJS from 'exceljs';
import { type AssistanceDimension, type RssInstrument, type RssItem } from '@taama/core';
import { Invalid } from '../../platform/errors';
import { cellText } from '../flows/import/read';
import defaultInstrument from './rss-default-instrument.json' with { type: 'json' };

export const ITEM_COLUMNS = ['code', 'dimension', 'weight', 'compositeWeight', 'missingScore', 'labelFr', 'labelEn', 'derivedOp', 'derivedOf', 'clampLow', 'clampHigh', 'note'] as const;
export const OPTION_COLUMNS = ['itemCode', 'value', 'score', 'labelFr', 'labelEn'] as const;

/** Rows of a sheet as objects keyed by the header row (first row), with their sheet row number. */
function sheetRows(book: ExcelJS.Workbook, name: string): { row: number; cells: Record<string, string> }[] {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Invalid({ [name]: `the workbook needs a sheet named "${name}"` });
  const header: string[] = [];
  const rows: { row: number; cells: Record<string, string> }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    if (number === 1) {
      for (let i = 1; i < values.length; i += 1) header[i] = cellText(values[i] ?? null).trim();
      return;
    }
    const cells: Record<string, string> = {};
    for (let i = 1; i < values.length; i += 1) {
      const key = header[i];
      if (key) cells[key] = cellText(values[i] ?? null).trim();
    }
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: number, cells });
  });
  return rows;
}

/** A number from a cell: blank → undefined; text that is not a number stays NaN for validation to name. */
function num(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  return Number(text.replace(',', '.'));
}

/** Reads an instrument from an XLSX upload; 400 naming the sheet and row when it is malformed or invalid. */
export async function parseInstrumentXlsx(data: Buffer): Promise<RssInstrument> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new Invalid({ file: 'must be an XLSX workbook' });
  }
  const meta = Object.fromEntries(sheetRows(book, 'meta').map((r) => [r.cells.key ?? '', r.cells.value ?? '']));
  const itemRows = sheetRows(book, 'items');
  const optionRows = sheetRows(book, 'options');
  const bands: Record<string, number[] | string> = {};
  for (const [key, value] of Object.entries(meta)) {
    const band = /^band\.([a-z0-9_]+)\.(from|to)$/.exec(key);
    if (band?.[1]) {
      const range = (bands[band[1]] as number[] | undefined) ?? [0, 0];
      range[band[2] === 'from' ? 0 : 1] = num(value) ?? Number.NaN;
      bands[band[1]] = range;
    }
  }
  if (meta.bandsStatus) bands.status = meta.bandsStatus;
  const items: RssItem[] = itemRows.map(({ cells }) => {
    const options = optionRows
      .filter((o) => o.cells.itemCode === cells.code)
      .map((o) => ({ value: o.cells.value ?? '', score: num(o.cells.score) ?? null, ...(o.cells.labelFr || o.cells.labelEn ? { label: { fr: o.cells.labelFr ?? '', en: o.cells.labelEn ?? '' } } : {}) }));
    const derivedOf = (cells.derivedOf ?? '').split(/[,;\s]+/).filter(Boolean);
    const low = num(cells.clampLow);
    const high = num(cells.clampHigh);
    return {
      code: cells.code ?? '',
      dimension: (cells.dimension ?? '') as AssistanceDimension,
      weight: num(cells.weight) ?? Number.NaN,
      compositeWeight: num(cells.compositeWeight) ?? Number.NaN,
      ...(num(cells.missingScore) !== undefined ? { missingScore: num(cells.missingScore) } : {}),
      ...(cells.labelFr || cells.labelEn ? { label: { fr: cells.labelFr ?? '', en: cells.labelEn ?? '' } } : {}),
      ...(cells.note ? { note: cells.note } : {}),
      ...(cells.derivedOp
        ? { derived: { op: cells.derivedOp as 'mean' | 'sum', of: derivedOf, ...(low !== undefined && high !== undefined ? { clamp: [low, high] as [number, number] } : {}) } }
        : { options }),
    };
  });
  const known = new Set(items.map((i) => i.code));
  const orphan = optionRows.find((o) => !known.has(o.cells.itemCode ?? ''));
  if (orphan) throw new Invalid({ [`options.row${orphan.row}.itemCode`]: `refers to an unknown item ${orphan.cells.itemCode ?? ''}` });
  return {
    version: meta.version ?? '',
    status: meta.status === 'verified' ? 'verified' : 'unverified',
    ...(meta.source ? { source: meta.source } : {}),
    ...(num(meta.minAnsweredShare) !== undefined ? { minAnsweredShare: num(meta.minAnsweredShare) } : {}),
    ...(Object.keys(bands).length > 0 ? { bands } : {}),
    items,
  };
}

/** Adds the sheet row to errors about `items.N…` paths, so an XLSX author finds the cell. */
export function withSheetRows(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([path, message]) => {
      const index = /^items\.(\d+)/.exec(path)?.[1];
      return [path, index === undefined ? message : `${message} (sheet "items", row ${Number(index) + 2})`];
    }),
  );
}

/** The XLSX template: the default instrument in the import layout. */
export async function instrumentTemplate(): Promise<Buffer> {
  const instrument = defaultInstrument as RssInstrument;
  const book = new ExcelJS.Workbook();
  const meta = book.addWorksheet('meta');
  meta.addRow(['key', 'value']);
  meta.addRow(['version', instrument.version]);
  meta.addRow(['status', 'unverified']);
  meta.addRow(['source', instrument.source ?? '']);
  meta.addRow(['minAnsweredShare', instrument.minAnsweredShare ?? 0.75]);
  for (const [name, range] of Object.entries(instrument.bands ?? {})) {
    if (typeof range === 'string') meta.addRow(['bandsStatus', range]);
    else {
      meta.addRow([`band.${name}.from`, range[0]]);
      meta.addRow([`band.${name}.to`, range[1]]);
    }
  }
  const items = book.addWorksheet('items');
  items.addRow([...ITEM_COLUMNS]);
  const options = book.addWorksheet('options');
  options.addRow([...OPTION_COLUMNS]);
  for (const item of instrument.items) {
    items.addRow([item.code, item.dimension, item.weight, item.compositeWeight, item.missingScore ?? null, item.label?.fr ?? '', item.label?.en ?? '', item.derived?.op ?? '', item.derived?.of.join(', ') ?? '', item.derived?.clamp?.[0] ?? null, item.derived?.clamp?.[1] ?? null, item.note ?? '']);
    for (const option of item.options ?? []) options.addRow([item.code, option.value, option.score, option.label?.fr ?? '', option.label?.en ?? '']);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

// The first rows of an open-data CSV, read without downloading the whole file.
import { ApiError } from '../../../api/client';
import { parseCsv } from '../../../components/charts/csv';

/** An export's label row, HXL row, and first data rows. */
export interface ExportPreview {
  labels: string[];
  hxl: string[];
  rows: string[][];
}

/** Splits a parsed export into its label row, HXL row and data rows (at most `limit`). */
export function splitExport(rows: string[][], limit: number): ExportPreview {
  const [labels = [], hxl = [], ...data] = rows;
  return { labels, hxl, rows: data.filter((r) => r.some((cell) => cell !== '')).slice(0, limit) };
}

/** Reads the start of a CSV export: enough lines for the label row, the HXL row and `limit` rows. */
export async function fetchExportHead(url: string, limit: number, signal?: AbortSignal): Promise<ExportPreview> {
  const response = await fetch(url, { credentials: 'same-origin', signal });
  if (!response.ok) {
    let message = response.statusText || `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { error?: { message?: string } };
      message = body.error?.message ?? message;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(response.status, `http_${response.status}`, message);
  }
  const reader = response.body?.getReader();
  if (!reader) return splitExport(parseCsv(await response.text()), limit);
  const decoder = new TextDecoder();
  let text = '';
  let lines = 0;
  // A cell may hold a line break, so a few lines more than needed are read, then the last
  // (possibly cut) line is dropped unless the file ended.
  let done = false;
  while (lines < limit + 4) {
    const chunk = await reader.read();
    if (chunk.done) {
      done = true;
      break;
    }
    const piece = decoder.decode(chunk.value, { stream: true });
    text += piece;
    lines += piece.split('\n').length - 1;
  }
  if (!done) {
    await reader.cancel();
    text = text.slice(0, text.lastIndexOf('\n') + 1);
  }
  return splitExport(parseCsv(text), limit);
}

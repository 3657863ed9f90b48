// Reads back the text pdfkit wrote, so tests can check what a generated PDF says.
import { inflateSync } from 'node:zlib';

/** The text of a PDF's content streams: pdfkit writes text as hex strings in TJ arrays (WinAnsi ≈ Latin-1). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1] ?? '', 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, metadata)
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      lines.push([...(tj[1] ?? '').matchAll(/<([0-9a-f]*)>/g)].map((x) => Buffer.from(x[1] ?? '', 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}

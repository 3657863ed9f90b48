// The printable manifest (PDF, A4 landscape) with pdfkit's standard fonts, whose WinAnsi encoding
// renders French accents without embedding a font file.
import PDFDocument from 'pdfkit';
import { codeLabel, words, type Lang } from './manifest.labels';
import type { Manifest, ManifestRow } from './manifest.data';

const MARGIN = 36;
// Column widths (points) of the traveller table; A4 landscape leaves 770 between the margins.
const COLUMNS: { key: keyof ManifestRow | 'document'; width: number }[] = [
  { key: 'no', width: 30 },
  { key: 'fullName', width: 170 },
  { key: 'sex', width: 40 },
  { key: 'dateOfBirth', width: 75 },
  { key: 'nationality', width: 60 },
  { key: 'documentType', width: 110 },
  { key: 'documentNumber', width: 90 },
  { key: 'documentExpiresOn', width: 70 },
  { key: 'caseNumber', width: 90 },
  { key: 'seats', width: 35 },
];

function cell(lang: Lang, row: ManifestRow, key: (typeof COLUMNS)[number]['key']): string {
  switch (key) {
    case 'sex':
    case 'documentType':
      return row[key] ? codeLabel(lang, row[key]) : '';
    case 'seats':
      return row.seats === null ? '' : String(row.seats);
    case 'document':
      return '';
    default:
      return String(row[key]);
  }
}

/** Renders a manifest as PDF bytes. */
export function manifestPdf(manifest: Manifest, lang: Lang, generatedAt: Date): Promise<Buffer> {
  const w = words(lang);
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: `${w.title} ${manifest.reference}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(`${w.title} — ${manifest.reference}`);
  doc.font('Helvetica').fontSize(9).text(`${w.generated} ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  doc.moveDown(0.5).fontSize(10);
  const header: [string, string][] = [
    [w.kind, codeLabel(lang, manifest.kind)],
    [w.direction, codeLabel(lang, manifest.direction)],
    [w.departure, manifest.departureDate],
    [w.arrival, manifest.arrivalDate ?? '—'],
    [w.carrier, manifest.carrier ?? '—'],
    [w.seats, `${manifest.rows.length} / ${manifest.seats}`],
  ];
  if (manifest.receptionSiteName) header.push([w.reception, manifest.receptionSiteName]);
  for (const [k, v] of header) doc.font('Helvetica-Bold').text(`${k} : `, { continued: true }).font('Helvetica').text(v);
  doc.moveDown(0.5).font('Helvetica-Bold').text(w.legs).font('Helvetica');
  for (const leg of manifest.legs) {
    // The standard fonts speak WinAnsi: an en dash, not an arrow.
    doc.text(`• ${leg.from} – ${leg.to}, ${leg.departAt}${leg.arriveAt ? ` – ${leg.arriveAt}` : ''}${leg.carrierRef ? ` (${leg.carrierRef})` : ''}`);
  }
  doc.moveDown(0.5).font('Helvetica-Bold').text(w.escorts).font('Helvetica');
  doc.text(manifest.escorts.length > 0 ? manifest.escorts.map((e) => `${e.name} (${codeLabel(lang, e.role)})`).join(', ') : w.none);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).text(w.travellers);

  const bottom = doc.page.height - MARGIN;
  const drawRow = (values: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5);
    const heights = values.map((v, i) => doc.heightOfString(v, { width: (COLUMNS[i]?.width ?? 50) - 4 }));
    const h = Math.max(...heights) + 4;
    if (doc.y + h > bottom) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    values.forEach((v, i) => {
      const width = COLUMNS[i]?.width ?? 50;
      doc.text(v, x + 2, y + 2, { width: width - 4 });
      x += width;
    });
    doc.moveTo(MARGIN, y + h).lineTo(x, y + h).lineWidth(0.3).stroke();
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const titles = [w.no, w.fullName, w.sex, w.dateOfBirth, w.nationality, w.documentType, w.documentNumber, w.documentExpiresOn, w.caseNumber, w.seatCount];
  drawRow(titles, true);
  for (const row of manifest.rows) drawRow(COLUMNS.map((c) => cell(lang, row, c.key)), false);
  doc.end();
  return done;
}

// The logframe progress report as a printable PDF (SPEC §11), in French or English: the same rows as
// the XLSX — every logframe node and the progress of the indicators attached to it. pdfkit's standard
// fonts (WinAnsi) render French accents without embedding a font file.
import PDFDocument from 'pdfkit';
import type { IndicatorValue } from '@taama/core';
import type { LogframeRow } from './logframe';

const MARGIN = 36;
const WORDS = {
  fr: { title: 'Cadre logique — avancement', span: 'Période', generated: 'Généré le', indicator: 'Indicateur', target: 'Cible', value: 'Période', cumulative: 'Cumul', percent: '% cible', unavailable: 'indisponible', restated: 'Retraité' },
  en: { title: 'Logframe progress report', span: 'Span', generated: 'Generated at', indicator: 'Indicator', target: 'Target', value: 'Span', cumulative: 'Cumulative', percent: '% target', unavailable: 'unavailable', restated: 'Restated' },
};
const KIND = { fr: { goal: 'Objectif général', objective: 'Objectif spécifique', output: 'Produit', activity: 'Activité' }, en: { goal: 'General objective', objective: 'Specific objective', output: 'Output', activity: 'Activity' } };
// Indicator table columns (points); A4 portrait leaves 523 between the margins.
const COLUMNS = [263, 60, 60, 70, 70] as const;

// Grouping with a plain space: the narrow no-break space of fr-FR has no glyph in the standard fonts.
const number = (lang: 'fr' | 'en', n: number | null) => (n === null ? '—' : n.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).replace(/[\u202f\u00a0]/g, ' '));

/** Renders the logframe report over a span as PDF bytes. */
export function logframePdf(nodes: readonly LogframeRow[], values: ReadonlyMap<string, IndicatorValue>, span: { from: string; to: string }, lang: 'fr' | 'en', generatedAt: Date): Promise<Buffer> {
  const w = WORDS[lang];
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: w.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(15).text(w.title);
  doc.font('Helvetica').fontSize(9).text(`${w.span} : ${span.from} – ${span.to}    ${w.generated} ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  doc.moveDown(0.8);

  const row = (cells: string[], bold: boolean) => {
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    const heights = cells.map((text, i) => doc.heightOfString(text, { width: (COLUMNS[i] ?? 60) - 4 }));
    const height = Math.max(...heights) + 4;
    if (y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    cells.forEach((text, i) => {
      doc.text(text, x + 2, top + 2, { width: (COLUMNS[i] ?? 60) - 4, align: i === 0 ? 'left' : 'right' });
      x += COLUMNS[i] ?? 60;
    });
    doc.x = MARGIN;
    doc.y = top + height;
  };

  for (const node of nodes) {
    const kind = KIND[lang][node.kind as keyof (typeof KIND)['fr']] ?? node.kind;
    if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(node.kind === 'activity' ? 9 : 10).text(`${kind} ${node.code} — ${node.title[lang]}`, MARGIN, doc.y, { width: 523 });
    const attached = node.indicators.map((code) => values.get(code)).filter((v): v is IndicatorValue => v !== undefined);
    if (attached.length === 0) continue;
    row([w.indicator, w.target, w.value, w.cumulative, w.percent], true);
    for (const v of attached) {
      const restated = v.restatements.length > 0 ? ` (${w.restated})` : '';
      const title = `${v.code} ${v.title}${restated}`;
      if (!v.available) row([title, number(lang, v.target), w.unavailable, '', ''], false);
      else row([title, number(lang, v.target), number(lang, v.value), number(lang, v.cumulative), v.percentOfTarget === null ? '—' : `${number(lang, v.percentOfTarget)} %`], false);
    }
  }
  doc.end();
  return done;
}

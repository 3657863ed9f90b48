// The data-subject export as a printable PDF in French or English: the person, then each module's
// records field by field, then the audit trail. pdfkit's standard fonts (WinAnsi) cover French accents.
import PDFDocument from 'pdfkit';
import type { PersonExport } from './export.service';

const MARGIN = 40;
const WORDS = {
  fr: {
    title: 'Données détenues sur une personne',
    intro: 'Export au titre du droit d’accès : toutes les données que Taama détient sur cette personne, dans tous les modules.',
    generated: 'Généré le',
    by: 'par',
    person: 'Personne',
    merged: 'Fiches fusionnées dans cette personne',
    audit: 'Journal d’audit (consultations et modifications)',
    none: 'Aucune donnée.',
    binary: 'octets (fichier)',
  },
  en: {
    title: 'Data held about a person',
    intro: 'Subject access export: everything Taama holds about this person, in every module.',
    generated: 'Generated at',
    by: 'by',
    person: 'Person',
    merged: 'Records merged into this person',
    audit: 'Audit trail (reads and changes)',
    none: 'No data.',
    binary: 'bytes (file)',
  },
};
const SECTIONS = {
  fr: { registry: 'Registre', protection: 'Protection', returns: 'Retours', reintegration: 'Réintégration (y compris RSS)', awareness: 'Sensibilisation', privacy: 'Demandes d’effacement' },
  en: { registry: 'Registry', protection: 'Protection', returns: 'Returns', reintegration: 'Reintegration (incl. RSS)', awareness: 'Awareness', privacy: 'Erasure requests' },
};

// Characters outside WinAnsi (e.g. Arabic script) have no glyph in the standard fonts: shown as '?'.
const printable = (text: string) => text.replace(/[\u202f\u00a0\t]/g, ' ').replace(/[^\n\u0020-\u00ff\u2013\u2014\u2019\u201c\u201d\u20ac]/g, '?');

function show(value: unknown, lang: 'fr' | 'en'): string {
  if (value === null || value === undefined) return '—';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null && 'base64' in value && 'bytes' in value) return `${String((value as { bytes: number }).bytes)} ${WORDS[lang].binary}`;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Renders the export as PDF bytes. */
export function exportPdf(data: PersonExport, lang: 'fr' | 'en'): Promise<Buffer> {
  const w = WORDS[lang];
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: w.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (text: string, size: number) => {
    if (doc.y > doc.page.height - MARGIN - 60) doc.addPage();
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(size).text(printable(text), MARGIN, doc.y, { width });
  };
  const record = (row: Record<string, unknown>) => {
    doc.font('Helvetica').fontSize(8);
    for (const [key, value] of Object.entries(row)) doc.text(printable(`${key}: ${show(value, lang)}`), MARGIN + 8, doc.y, { width: width - 8 });
    doc.moveDown(0.3);
  };

  doc.font('Helvetica-Bold').fontSize(15).text(printable(`${w.title} — ${String(data.person.caseNumber ?? '')}`));
  doc.font('Helvetica').fontSize(9).text(printable(`${w.intro}\n${w.generated} ${data.exportedAt.slice(0, 16).replace('T', ' ')} UTC ${w.by} ${data.exportedBy}`));
  heading(w.person, 12);
  record(data.person);
  if (data.mergedRecords.length > 0) {
    heading(w.merged, 12);
    data.mergedRecords.forEach(record);
  }
  for (const [section, tables] of Object.entries(data.sections) as [keyof (typeof SECTIONS)['fr'], Record<string, Record<string, unknown>[]>][]) {
    heading(SECTIONS[lang][section], 12);
    const entries = Object.entries(tables);
    if (entries.length === 0) doc.font('Helvetica').fontSize(8).text(w.none, MARGIN + 8, doc.y);
    for (const [table, rows] of entries) {
      heading(`${table} (${rows.length})`, 10);
      rows.forEach(record);
    }
  }
  heading(w.audit, 12);
  doc.font('Helvetica').fontSize(8);
  for (const a of data.audit) doc.text(printable(`${a.at.slice(0, 19).replace('T', ' ')}  ${a.actor ?? '—'}  ${a.action}  ${a.entityType ?? ''}`), MARGIN + 8, doc.y, { width: width - 8 });
  doc.end();
  return done;
}

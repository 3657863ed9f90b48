// The logframe progress report (SPEC §11) as XLSX, in French or English: every logframe node with the
// indicators attached to it, their baseline, target, the span's value, cumulative value and % of target.
import ExcelJS from 'exceljs';
import type { IndicatorValue } from '@taama/core';
import { neutralise } from './common';

export interface LogframeRow {
  code: string;
  parent: string | null;
  kind: string;
  title: { fr: string; en: string };
  indicators: string[];
}

const LABELS = {
  fr: ['Niveau', 'Code', 'Intitulé', 'Indicateur', 'Intitulé de l’indicateur', 'Unité', 'Référence', 'Cible', 'Valeur de la période', 'Cumul', '% de la cible', 'Retraitements'],
  en: ['Level', 'Code', 'Title', 'Indicator', 'Indicator title', 'Unit', 'Baseline', 'Target', 'Period value', 'Cumulative', '% of target', 'Restatements'],
};
const KIND = { fr: { goal: 'Objectif général', objective: 'Objectif spécifique', output: 'Produit', activity: 'Activité' }, en: { goal: 'General objective', objective: 'Specific objective', output: 'Output', activity: 'Activity' } };

/** The XLSX bytes of the logframe report over a span. */
export async function logframeWorkbook(nodes: readonly LogframeRow[], values: ReadonlyMap<string, IndicatorValue>, span: { from: string; to: string }, lang: 'fr' | 'en', generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'fr' ? 'cadre logique' : 'logframe');
  sheet.addRow(LABELS[lang]).font = { bold: true };
  const text = (v: string) => neutralise(v);
  for (const node of nodes) {
    const kind = KIND[lang][node.kind as keyof (typeof KIND)['fr']] ?? node.kind;
    const row = sheet.addRow([kind, node.code, text(node.title[lang])]);
    if (node.kind !== 'activity') row.font = { bold: true };
    for (const code of node.indicators) {
      const v = values.get(code);
      if (!v) continue;
      const notes = v.restatements.map((r) => `${r.period}: ${r.signedOff} → ${r.current}`).join('; ');
      sheet.addRow(['', '', '', text(v.code), text(v.title), text(v.unit), v.baseline, v.target, v.available ? v.value : null, v.available ? v.cumulative : null, v.percentOfTarget, notes ? text(notes) : null]);
    }
  }
  sheet.columns.forEach((c, i) => (c.width = i === 2 || i === 4 ? 55 : 14));
  const about = workbook.addWorksheet(lang === 'fr' ? 'à propos' : 'about');
  about.addRow([lang === 'fr' ? 'Période' : 'Span', `${span.from} – ${span.to}`]);
  about.addRow([lang === 'fr' ? 'Généré le' : 'Generated at', generatedAt.toISOString()]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

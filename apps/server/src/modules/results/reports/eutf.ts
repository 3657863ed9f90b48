// The EUTF quarterly indicator sheet (SPEC §11): one row per indicator with the quarter's value, the
// cumulative value, % of target, the sex and age disaggregation and restatement notes; an "about" sheet.
import ExcelJS from 'exceljs';
import type { IndicatorValue, Period } from '@taama/core';
import { neutralise } from './common';
import type { ProgrammeSettings } from '../programme';

const LABELS = {
  fr: ['Code', 'Indicateur', 'Unité', 'Niveau', 'Référence', 'Cible', 'Valeur du trimestre', 'Cumul', '% de la cible', 'Hommes', 'Femmes', 'Autre / inconnu (sexe)', 'Adultes', 'Enfants', 'Âge inconnu', 'Disponible', 'Retraitements'],
  en: ['Code', 'Indicator', 'Unit', 'Level', 'Baseline', 'Target', 'Quarter value', 'Cumulative', '% of target', 'Male', 'Female', 'Other / unknown sex', 'Adults', 'Children', 'Unknown age', 'Available', 'Restatements'],
};

const cell = (table: Record<string, number | null> | undefined, key: string): number | null => (table ? (table[key] ?? 0) : null);
const rest = (table: Record<string, number | null> | undefined, keys: readonly string[]): number | null => {
  if (!table) return null;
  let sum = 0;
  for (const [k, v] of Object.entries(table)) {
    if (keys.includes(k)) continue;
    if (v === null) return null; // a suppressed cell: the remainder would reveal it
    sum += v;
  }
  return sum;
};

/** The sheet's data rows (also what the tests compare with the API). */
export function eutfRows(items: readonly IndicatorValue[], lang: 'fr' | 'en'): (string | number | null)[][] {
  return items.map((i) => {
    const sex = i.disaggregations.sex;
    const age = i.disaggregations.ageGroup;
    const notes = i.restatements.map((r) => (lang === 'fr' ? `${r.period} : déclaré ${r.signedOff}, actuel ${r.current} (écart ${r.difference})` : `${r.period}: signed off ${r.signedOff}, now ${r.current} (difference ${r.difference})`)).join('; ');
    return [i.code, i.title, i.unit, i.level, i.baseline, i.target, i.value, i.cumulative, i.percentOfTarget, cell(sex, 'male'), cell(sex, 'female'), rest(sex, ['male', 'female']), cell(age, 'adult'), cell(age, 'child'), rest(age, ['adult', 'child']), i.available ? 1 : 0, notes || null];
  });
}

/** The XLSX bytes of the EUTF sheet for a quarter. */
export async function eutfWorkbook(items: readonly IndicatorValue[], quarter: Period, programme: ProgrammeSettings, lang: 'fr' | 'en', generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(quarter.code);
  sheet.addRow(LABELS[lang]).font = { bold: true };
  for (const row of eutfRows(items, lang)) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
  sheet.columns.forEach((c, i) => (c.width = i === 1 ? 60 : i === 16 ? 50 : 14));
  const about = workbook.addWorksheet(lang === 'fr' ? 'à propos' : 'about');
  const rows: [string, string][] = lang === 'fr'
    ? [
        ['Action', `${programme.iatiIdentifier} — ${programme.title.fr}`],
        ['Trimestre', `${quarter.code} (${quarter.from} – ${quarter.to})`],
        ['Règle de comptage', 'Une personne est comptée une fois par indicateur : la valeur d’une période compte les personnes dont le premier événement qualifiant du programme tombe dans la période ; les trimestres s’additionnent exactement au cumul.'],
        ['Désagrégation', 'Sexe et groupe d’âge à la date de l’événement ; les inconnus sont montrés, jamais retirés. Les cellules de 1 à 4 peuvent être masquées pour les rôles publics.'],
        ['Trimestres validés', 'Un trimestre validé montre sa valeur validée ; un changement ultérieur apparaît comme retraitement avec l’écart.'],
        ['Généré le', generatedAt.toISOString()],
      ]
    : [
        ['Action', `${programme.iatiIdentifier} — ${programme.title.en}`],
        ['Quarter', `${quarter.code} (${quarter.from} – ${quarter.to})`],
        ['Counting rule', 'A person counts once per indicator: a period’s value counts the persons whose first qualifying event in the programme falls in the period, so quarters add up exactly to the cumulative value.'],
        ['Disaggregation', 'Sex and age group at the date of the event; unknowns are shown, never dropped. Cells of 1 to 4 may be hidden for public-level roles.'],
        ['Signed-off quarters', 'A signed-off quarter shows its signed-off value; a later change appears as a restatement with the difference.'],
        ['Generated at', generatedAt.toISOString()],
      ];
  for (const [k, v] of rows) about.addRow([k, neutralise(v)]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// The passenger list as a workbook: the manifest's columns, one row per traveller; text that a
// spreadsheet would run as a formula is neutralised.
import ExcelJS from 'exceljs';
import { neutralise } from '../flows/export.service';
import { codeLabel, words, type Lang } from './manifest.labels';
import type { Manifest } from './manifest.data';

/** Renders the passenger list as XLSX bytes. */
export async function passengersXlsx(manifest: Manifest, lang: Lang): Promise<Buffer> {
  const w = words(lang);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(w.sheet);
  sheet.addRow([w.movement, neutralise(manifest.reference), w.departure, manifest.departureDate, w.arrival, manifest.arrivalDate ?? '', w.carrier, neutralise(manifest.carrier ?? '')]);
  sheet.addRow([]);
  const header = sheet.addRow([w.no, w.fullName, w.sex, w.dateOfBirth, w.nationality, w.documentType, w.documentNumber, w.documentExpiresOn, w.caseNumber, w.seatCount]);
  header.font = { bold: true };
  for (const r of manifest.rows) {
    sheet.addRow([
      r.no, neutralise(r.fullName), codeLabel(lang, r.sex), r.dateOfBirth, r.nationality, r.documentType ? codeLabel(lang, r.documentType) : '',
      neutralise(r.documentNumber), r.documentExpiresOn, r.caseNumber, r.seats ?? '',
    ]);
  }
  sheet.columns.forEach((c) => {
    c.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

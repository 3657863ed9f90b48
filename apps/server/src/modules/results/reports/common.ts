// What every report shares: reading its span, neutralising spreadsheet formulas, auditing the export.
import { inTransaction } from '../../../platform/db/tx';
import { appendAudit } from '../../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../../platform/auth/context';

/** Neutralises spreadsheet formulas: text starting with = + - @ tab or CR gets a leading apostrophe. */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** Records a report download in the audit log (SPEC §3: every export). */
export async function auditExport(ctx: RequestContext, report: string, details: Record<string, unknown>): Promise<void> {
  await inTransaction(ctx.db, (tx) => appendAudit(tx, actorOf(ctx), { action: 'report.exported', entityType: 'report', entityId: report, details }));
}

/** Sex × age-group cells of the EUTF and HXL reports, in their order. */
export const SEX_AGE_CELLS = [
  ['male', 'adult'],
  ['female', 'adult'],
  ['male', 'child'],
  ['female', 'child'],
] as const;

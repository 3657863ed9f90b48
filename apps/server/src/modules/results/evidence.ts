// Evidence files of manual values: PDF, JPEG, PNG or XLSX, recognised from their first bytes.

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The type of a file from its content (never from its name or declared type), or null. */
export function sniffEvidence(data: Buffer): EvidenceType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  // An XLSX file is a ZIP archive whose entries include the workbook part (entry names are stored
  // uncompressed in the local headers).
  if (data.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) && data.includes('xl/workbook.xml')) {
    return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  }
  return null;
}

// Loads the flows part of the demo (tools/demo/src/flows.ts) with multi-row inserts, inside the
// demo's transaction.
import { newId } from '@taama/core';
import type { DemoFlows } from '@taama/demo';
import type { Tx } from '../../platform/db/database';
import { countRow } from './counts.service';
import { surveyRow } from './surveys.service';
import { bulkInsert } from './flows.bulk';

/** Rows per INSERT (one jsonb parameter each, see flows.bulk.ts). */
const BATCH = 5000;

/** Inserts the demo's counts and surveys for one organisation; returns how many. */
export async function loadFlowsDemo(tx: Tx, flows: DemoFlows, organisationId: string): Promise<{ counts: number; surveys: number }> {
  for (let i = 0; i < flows.counts.length; i += BATCH) {
    const rows = flows.counts.slice(i, i + BATCH).map((c) => {
      const { status, rejectionReason, ...input } = c;
      const row = countRow(input, { id: newId(), status, organisationId, userId: null, importId: null, rowKey: null });
      // Reviewed two days after collection: keeps the demo independent of the day it is loaded.
      const reviewedAt = status === 'validated' || status === 'rejected' ? new Date(Date.parse(`${c.date}T10:00:00Z`) + 2 * 86_400_000) : null;
      return { ...row, validatedAt: reviewedAt, rejectionReason, createdAt: new Date(`${c.date}T18:00:00Z`), updatedAt: reviewedAt ?? new Date(`${c.date}T18:00:00Z`) };
    });
    await bulkInsert(tx, 'flow_counts', rows);
  }
  for (let i = 0; i < flows.surveys.length; i += BATCH) {
    const rows = flows.surveys.slice(i, i + BATCH).map((s) => surveyRow(s, { id: newId(), organisationId, userId: null, importId: null, rowKey: null }));
    await bulkInsert(tx, 'flow_surveys', rows);
  }
  return { counts: flows.counts.length, surveys: flows.surveys.length };
}

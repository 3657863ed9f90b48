// Loads the flows part of the demo (tools/demo/src/flows.ts) with multi-row inserts, inside the
// demo's transaction.
import { newId } from '@taama/core';
import type { DemoFlows } from '@taama/demo';
import type { Tx } from '../../platform/db/database';
import { countRow } from './counts.service';
import { surveyRow } from './surveys.service';

/** Rows per INSERT: 45 columns × 1,000 stays under PostgreSQL's 65,535 parameters. */
const BATCH = 1000;

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
    await tx.insertInto('flowCounts').values(rows).execute();
  }
  for (let i = 0; i < flows.surveys.length; i += BATCH) {
    const rows = flows.surveys.slice(i, i + BATCH).map((s) => surveyRow(s, { id: newId(), organisationId, userId: null, importId: null, rowKey: null }));
    await tx.insertInto('flowSurveys').values(rows).execute();
  }
  return { counts: flows.counts.length, surveys: flows.surveys.length };
}

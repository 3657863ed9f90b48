// What a source of qualifying events is: plain SQL over one module's tables, so a source can name
// tables that are not installed yet (the engine checks they exist before running it).
import type { RawBuilder } from 'kysely';
import type { IndicatorSource } from '@taama/core';

/**
 * The columns every source query returns, one row per qualifying event:
 * record_id text, record_type text, subject text, event_date date, amount numeric, sex text,
 * date_of_birth date, age_group text (null: derived from date_of_birth at event_date),
 * nationality text, region_pcode text, partner_org uuid, site_id uuid, link text.
 */
export interface EventSource {
  source: IndicatorSource;
  /** The tables the query reads; when one is missing the indicator is reported unavailable. */
  requires: readonly string[];
  /** Which module provides those tables, for the "not available" reason. */
  module: string;
  /** Whether the subject is a person id (drill-down shows it only to roles with person.read). */
  personSubject: boolean;
  events(): RawBuilder<unknown>;
  /**
   * Optional, for `distinct` counting at scale: each subject's first event on or after the programme
   * start — the row the engine would pick from `events()` — read from a precomputed table, with the
   * same columns and at most one row per subject.
   */
  firstEvents?(programmeStart: string): RawBuilder<unknown>;
}

// What the rights reference page shows for one answer of GET /mobility/rights, in one language:
// the regime, the notice, the rules in force (oldest first) with their dates, and which of them are
// to be checked against the current official texts. Pure, so the date-dependent rendering is tested.
import type { RightsAnswer } from '@taama/core';

/** The states whose ECOWAS withdrawal took effect on 2025-01-29 (the dated change shown to counsellors). */
export const AES_STATES = ['BFA', 'MLI', 'NER'] as const;
export const AES_WITHDRAWAL = '2025-01-29';

/** One rule as shown. */
export interface RuleView {
  code: string;
  title: string;
  text: string;
  source: string;
  validFrom: string;
  validTo: string | null;
  toBeChecked: boolean;
}

/** The page's content for one answer. */
export interface RightsView {
  regime: RightsAnswer['regime'];
  notice: string;
  rules: RuleView[];
  anyToCheck: boolean;
  writtenOn: string;
}

/** The answer in one language, rules in date order. */
export function rightsView(answer: RightsAnswer, lang: 'fr' | 'en'): RightsView {
  const rules = [...answer.rules]
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.code.localeCompare(b.code))
    .map((r) => ({ code: r.code, title: r.title[lang], text: r.text[lang], source: r.source, validFrom: r.validFrom, validTo: r.validTo, toBeChecked: r.toBeChecked }));
  return { regime: answer.regime, notice: answer.notice[lang], rules, anyToCheck: rules.some((r) => r.toBeChecked), writtenOn: answer.writtenOn };
}

/** Whether the dated AES change concerns this pair of countries (either side is Mali, Burkina Faso or Niger). */
export function concernsAesChange(nationality: string, hostCountry: string): boolean {
  return (AES_STATES as readonly string[]).includes(nationality) || (AES_STATES as readonly string[]).includes(hostCountry);
}

/** The day before a date (YYYY-MM-DD), to show the rules that applied just before a change. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

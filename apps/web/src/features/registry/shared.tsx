// What the registry screens share: names and dates as shown, code labels, country names, duplicate
// scores and reasons in words, and server field errors read whatever the path separator.
import { useCallback, useMemo } from 'react';
import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DuplicateReason } from '@taama/core';
import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { translateFieldMessage } from '../../app/errors';
import { useCountries } from '../admin/shared';

/** The parts of a person every list shows; names are absent for roles below `personal`. */
interface Named {
  caseNumber: string;
  givenName?: string | null;
  familyName?: string | null;
}

/** "Given FAMILY" as written on a record, or the case number when the caller may not see names. */
export function personName(person: Named): string {
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
  return name || person.caseNumber;
}

/** A calendar date (YYYY-MM-DD) in the interface language, without a time-zone shift. */
export function formatDay(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** Today as YYYY-MM-DD in the user's own calendar. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A date of birth worded with its precision: exact date, "born in 1990", or "about 1990". */
export function useBirthLabel() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (dateOfBirth: string | null | undefined, precision: string) => {
      if (!dateOfBirth) return '—';
      const year = dateOfBirth.slice(0, 4);
      if (precision === 'year') return t('registry:birth.year', { year });
      if (precision === 'estimated') return t('registry:birth.estimated', { year });
      return formatDay(dateOfBirth, i18n.language);
    },
    [t, i18n.language],
  );
}

/** Select options for a code list, labelled from `<namespace>:codes.<group>.<code>`. */
export function useCodeOptions(namespace: 'registry' | 'protection', group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`${namespace}:codes.${group}.${code}`) })), [t, namespace, group, codes]);
}

/** A country's name in the interface language, from its ISO alpha-3 code. */
export function useCountryName() {
  const { i18n } = useTranslation();
  const countries = useCountries();
  return useCallback(
    (iso3: string | null | undefined) => {
      if (!iso3) return '—';
      const country = countries.data?.find((c) => c.iso3 === iso3);
      if (!country) return iso3;
      return i18n.language === 'en' ? country.nameEn : country.nameFr;
    },
    [countries.data, i18n.language],
  );
}

/** A duplicate score (0–1) as a percentage badge, red from 0.85. */
export function ScoreBadge({ score }: { score: number }) {
  const { t } = useTranslation();
  const percent = Math.round(score * 100);
  return (
    <Badge variant="light" color={score >= 0.85 ? 'red' : score >= 0.7 ? 'orange' : 'yellow'} aria-label={t('registry:duplicates.scoreLabel', { percent })}>
      {percent} %
    </Badge>
  );
}

/** Why two records look alike, in words ("similar name · same year of birth · …"). */
export function DuplicateReasons({ reasons }: { reasons: readonly DuplicateReason[] }) {
  const { t } = useTranslation();
  return <Text size="xs">{reasons.map((reason) => t(`registry:codes.duplicateReason.${reason}`)).join(' · ')}</Text>;
}

// The registry's and protection's own rules, beyond the generic ones the app already words.
const RECORD_RULES: [RegExp, string][] = [
  [/^is required for this document type$/, 'registry:fieldMessages.documentNumber'],
  [/^must be a real date$/, 'registry:fieldMessages.realDate'],
  [/^must not be in the future$/, 'registry:fieldMessages.future'],
  [/^must not be after the registration date$/, 'registry:fieldMessages.afterRegistration'],
  [/^is required: data sharing is consented with a named organisation$/, 'registry:fieldMessages.sharingOrganisation'],
  [/^is only for data-sharing consent$/, 'registry:fieldMessages.onlySharing'],
];

/** A server field message in the interface language (record rules first, then the generic ones). */
function recordMessage(t: TFunction, message: string): string {
  const rule = RECORD_RULES.find(([pattern]) => pattern.test(message));
  return rule ? t(rule[1]) : translateFieldMessage(t, message);
}

/**
 * The server's message for one form field, translated; `documents.0.number` and `documents/0/number`
 * both reach the field `documents.0.number` (and `documents`).
 */
export function fieldError(t: TFunction, error: unknown, field: string): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  for (const [path, message] of Object.entries(error.fields)) {
    const normal = path.replace(/^\//, '').replace(/\//g, '.');
    if (normal === field || normal.startsWith(`${field}.`)) return recordMessage(t, message);
  }
  return undefined;
}

// What the return screens share: code labels and options, status, direction, vulnerability and
// expiry badges, the refresh after a change, and a refused action explained in plain words.
import { useCallback, useMemo } from 'react';
import { Alert, Badge, Group, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { today } from '../registry/shared';
import { returnsKeys } from './api';
import { ageOn, explainRefusal, expiryState } from './logic';
import type { ReturnCaseSummary, ReturnDirection, ReturnStatus, MovementStatus } from './types';

/** Select options for a return code list, labelled from `returns:enum.<group>.<code>`. */
export function useReturnOptions(group: string, codes: readonly string[]) {
  const { t } = useTranslation();
  return useMemo(() => codes.map((code) => ({ value: code, label: t(`returns:enum.${group}.${code}`) })), [t, group, codes]);
}

const STATUS_COLORS: Record<ReturnStatus, string> = {
  requested: 'gray',
  counselled: 'blue',
  eligible: 'cyan',
  ineligible: 'red',
  documents_pending: 'yellow',
  documents_ready: 'lime',
  medical_pending: 'yellow',
  fit_to_travel: 'green',
  fit_with_escort: 'teal',
  unfit: 'red',
  booked: 'indigo',
  departed: 'violet',
  arrived: 'grape',
  closed: 'dark',
  withdrawn: 'gray',
  suspended: 'orange',
};

/** A return case's status. */
export function ReturnStatusBadge({ status }: { status: ReturnStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={STATUS_COLORS[status]}>{t(`returns:enum.status.${status}`)}</Badge>;
}

/** Inbound (to Mali) or outbound (from Mali). */
export function DirectionBadge({ direction }: { direction: ReturnDirection }) {
  const { t } = useTranslation();
  return <Badge variant="outline" color={direction === 'inbound' ? 'blue' : 'grape'}>{t(`returns:enum.direction.${direction}`)}</Badge>;
}

const MOVEMENT_COLORS: Record<MovementStatus, string> = { planned: 'blue', departed: 'violet', arrived: 'green', cancelled: 'gray' };

/** A movement's status. */
export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const { t } = useTranslation();
  return <Badge variant="light" color={MOVEMENT_COLORS[status]}>{t(`returns:enum.movementStatus.${status}`)}</Badge>;
}

/** The vulnerability badges of a case: unaccompanied child, medical case, minor, woman. */
export function VulnerabilityBadges({ c }: { c: Pick<ReturnCaseSummary, 'unaccompaniedChild' | 'medicalCase' | 'person'> }) {
  const { t } = useTranslation();
  const age = ageOn(c.person.dateOfBirth, today());
  const badges: { key: string; color: string }[] = [];
  if (c.unaccompaniedChild) badges.push({ key: 'unaccompaniedChild', color: 'red' });
  else if (age !== null && age < 18) badges.push({ key: 'minor', color: 'orange' });
  if (c.medicalCase) badges.push({ key: 'medical', color: 'pink' });
  if (c.person.sex === 'female') badges.push({ key: 'woman', color: 'grape' });
  if (badges.length === 0) return null;
  return (
    <Group gap={4}>
      {badges.map((b) => (
        <Badge key={b.key} size="xs" variant="filled" color={b.color}>
          {t(`returns:vulnerability.${b.key}`)}
        </Badge>
      ))}
    </Group>
  );
}

/** "Expired" or "expiring soon" beside an issued travel document's expiry date. */
export function ExpiryBadge({ expiresOn }: { expiresOn: string | null | undefined }) {
  const { t } = useTranslation();
  const state = expiryState(expiresOn, today());
  if (state === 'expired') return <Badge size="sm" color="red" variant="filled">{t('returns:documents.expired')}</Badge>;
  if (state === 'soon') return <Badge size="sm" color="orange" variant="filled">{t('returns:documents.expiringSoon')}</Badge>;
  return null;
}

/** Refreshes every returns screen after a change (cases, pipeline, movements, arrivals, dashboard). */
export function useReturnsRefresh() {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: returnsKeys.all }), [queryClient]);
}

/** A refused action: what is missing in plain words when the server named it, else the generic sentence. */
export function RefusalAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const lines = explainRefusal(t, error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" title={lines ? t('returns:missing.title') : undefined}>
      {lines ? (
        <List size="sm">
          {lines.map((line) => (
            <List.Item key={line}>{line}</List.Item>
          ))}
        </List>
      ) : (
        <Text size="sm">{describeError(t, error)}</Text>
      )}
    </Alert>
  );
}

/** A URL filter's value as one of `codes`, or undefined (a hand-edited URL filters nothing). */
export function codeIn<T extends string>(codes: readonly T[], value: string): T | undefined {
  return codes.find((c) => c === value);
}

/** A URL flag ('true' / 'false') as a boolean filter, or undefined. */
export function flag(value: string): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** A link target to a list with the given filters (empty values left out). */
export function withFilters(path: string, filters: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

// Everything that happened to a person's record, newest first, each event worded from its codes.
import { Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@taama/core';
import { formatDateTime } from '../../../app/format';
import { EmptyState, ErrorState, LoadingState } from '../../../components/States';
import { peopleApi, registryKeys } from '../api';
import { formatDay } from '../shared';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which code list words a summary value, by event and field. */
function codeGroup(kind: TimelineEntry['kind'], field: string): string | undefined {
  if (field === 'method') return 'registry:codes.consentMethod';
  if (field === 'type') return 'protection:codes.serviceType';
  if (field === 'priority') return 'protection:codes.priority';
  if (field === 'service') return 'protection:codes.referralService';
  if (field === 'flags') return 'protection:codes.flag';
  if (field === 'closureReason') return 'protection:codes.closureReason';
  if (field === 'kind') return kind === 'task' ? 'protection:codes.taskKind' : kind === 'referral' ? 'protection:codes.referralKind' : 'registry:codes.consentKind';
  if (field === 'status' || field === 'to' || field === 'from') return kind === 'task' ? 'protection:codes.taskStatus' : kind === 'referral' ? 'protection:codes.referralStatus' : 'protection:codes.caseStatus';
  return undefined;
}

/** The fields of an event's summary, worded (codes as labels, record ids left out). */
function useSummary() {
  const { t } = useTranslation();
  return (entry: TimelineEntry) =>
    Object.entries(entry.summary)
      .filter(([, value]) => value !== null && value !== undefined && value !== '' && !(typeof value === 'string' && UUID.test(value)))
      .map(([field, value]) => {
        const group = codeGroup(entry.kind, field);
        const word = (v: unknown) => (group && typeof v === 'string' ? t(`${group}.${v}`, { defaultValue: v }) : typeof v === 'object' ? JSON.stringify(v) : String(v));
        const text = Array.isArray(value) ? value.map(word).join(', ') : word(value);
        return `${t(`registry:timeline.fields.${field}`, { defaultValue: field })} : ${text}`;
      })
      .join(' · ');
}

/** The timeline tab. */
export function TimelineSection({ personId }: { personId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery({ queryKey: registryKeys.timeline(personId), queryFn: () => peopleApi.timeline(personId) });
  const summary = useSummary();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <EmptyState title={t('registry:timeline.empty')} />;
  return (
    <Timeline bulletSize={14} lineWidth={2} aria-label={t('registry:person.tabs.timeline')}>
      {query.data.items.map((entry, index) => (
        <Timeline.Item key={`${entry.at}-${entry.kind}-${index}`} title={t(`registry:timeline.kinds.${entry.kind}`)}>
          <Text size="xs" c="dimmed">
            {entry.at.length > 10 ? formatDateTime(entry.at, i18n.language) : formatDay(entry.at, i18n.language)}
            {entry.by ? ` · ${entry.by}` : ''}
          </Text>
          {Object.keys(entry.summary).length > 0 && <Text size="sm">{summary(entry)}</Text>}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

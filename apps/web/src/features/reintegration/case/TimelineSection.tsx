// The case's history, newest first: status moves, assessments, plan steps, deliveries, visits and
// surveys, as the server records them in the case's events.
import { Paper, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/States';
import type { ReintegrationCase, ReintegrationEvent } from '../types';

/** A timestamp in the interface language. */
function formatAt(value: string, locale: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The timeline tab. */
export function TimelineSection({ reintegrationCase: c }: { reintegrationCase: ReintegrationCase }) {
  const { t, i18n } = useTranslation();
  const events: ReintegrationEvent[] = [...c.events].sort((a, b) => (a.at < b.at ? 1 : -1));
  if (events.length === 0) return <EmptyState title={t('reintegration:timeline.none')} />;
  return (
    <Paper withBorder p="lg">
      <Timeline bulletSize={14} lineWidth={2} aria-label={t('reintegration:case.tabs.timeline')}>
        {events.map((e) => {
          const to = typeof e.details.to === 'string' ? e.details.to : null;
          const from = typeof e.details.from === 'string' ? e.details.from : null;
          const note = typeof e.details.note === 'string' ? e.details.note : null;
          const title = to
            ? t('reintegration:timeline.moved', { from: from ? t(`reintegration:enum.status.${from}`, { defaultValue: from }) : '—', to: t(`reintegration:enum.status.${to}`, { defaultValue: to }) })
            : t(`reintegration:timeline.action.${e.action}`, { defaultValue: e.action });
          return (
            <Timeline.Item key={e.id} title={title}>
              <Text size="xs" c="dimmed">
                {formatAt(e.at, i18n.language)}
                {e.by ? ` · ${e.by.displayName}` : ''}
              </Text>
              {note && <Text size="sm">{note}</Text>}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Paper>
  );
}

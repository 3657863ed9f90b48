// A reintegration case: its header and status moves, then the timeline, assessments, plan,
// assistance, monitoring visits and RSS results, one tab each (the open tab is kept in the URL).
import { Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/States';
import { PageHeader } from '../../../components/PageHeader';
import { reintegrationApi, reintegrationKeys } from '../api';
import { AssessmentsSection } from './AssessmentsSection';
import { AssistanceSection } from './AssistanceSection';
import { CaseHeader } from './CaseHeader';
import { PlanSection } from './PlanSection';
import { RssSection } from './RssSection';
import { TimelineSection } from './TimelineSection';
import { VisitsSection } from './VisitsSection';

const TABS = ['timeline', 'assessments', 'plan', 'assistance', 'visits', 'rss'] as const;

/** The page of the case `:id`. */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({ queryKey: reintegrationKeys.case(id), queryFn: () => reintegrationApi.get(id) });
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'timeline';
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('reintegration:case.title')} back={{ to: '/reintegration/cases', label: t('reintegration:cases.title') }} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const c = query.data;
  return (
    <>
      <CaseHeader reintegrationCase={c} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'timeline' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`reintegration:case.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="timeline"><TimelineSection reintegrationCase={c} /></Tabs.Panel>
        <Tabs.Panel value="assessments"><AssessmentsSection reintegrationCase={c} /></Tabs.Panel>
        <Tabs.Panel value="plan"><PlanSection reintegrationCase={c} /></Tabs.Panel>
        <Tabs.Panel value="assistance"><AssistanceSection reintegrationCase={c} /></Tabs.Panel>
        <Tabs.Panel value="visits"><VisitsSection reintegrationCase={c} /></Tabs.Panel>
        <Tabs.Panel value="rss"><RssSection reintegrationCase={c} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

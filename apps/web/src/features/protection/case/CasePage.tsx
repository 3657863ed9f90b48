// A transit case: its header and actions, then screening, services, referrals, stays, tasks and notes.
import { Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/States';
import { PageHeader } from '../../../components/PageHeader';
import { casesApi, protectionKeys } from '../api';
import { CaseHeader } from './CaseHeader';
import { NotesSection } from './NotesSection';
import { ReferralsSection } from './ReferralsSection';
import { ScreeningSection } from './ScreeningSection';
import { ServicesSection } from './ServicesSection';
import { StaysSection } from './StaysSection';
import { TasksSection } from './TasksSection';

const TABS = ['screening', 'services', 'referrals', 'stays', 'tasks', 'notes'] as const;

/** The page of the case `:id`; the open tab is kept in the URL (?tab=). */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({ queryKey: protectionKeys.case(id), queryFn: () => casesApi.get(id) });
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'screening';
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('protection:case.title')} back={{ to: '/protection/cases', label: t('protection:cases.titleMine') }} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const c = query.data;
  return (
    <>
      <CaseHeader transitCase={c} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'screening' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`protection:case.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="screening"><ScreeningSection transitCase={c} /></Tabs.Panel>
        <Tabs.Panel value="services"><ServicesSection transitCase={c} /></Tabs.Panel>
        <Tabs.Panel value="referrals"><ReferralsSection transitCase={c} /></Tabs.Panel>
        <Tabs.Panel value="stays"><StaysSection transitCase={c} /></Tabs.Panel>
        <Tabs.Panel value="tasks"><TasksSection transitCase={c} /></Tabs.Panel>
        <Tabs.Panel value="notes"><NotesSection transitCase={c} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

// A return case: header with status and workflow buttons, then its steps (declaration, due
// diligence, best interest), travel documents, medical checks, members, travel (movement, arrival,
// reintegration) and the timeline.
import { Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { returnsApi, returnsKeys } from '../api';
import { CaseHeader } from './CaseHeader';
import { DocumentsSection } from './DocumentsSection';
import { MedicalSection } from './MedicalSection';
import { MembersSection } from './MembersSection';
import { StepsSection } from './StepsSection';
import { TimelineSection } from './TimelineSection';
import { TravelSection } from './TravelSection';

const TABS = ['steps', 'documents', 'medical', 'members', 'travel', 'timeline'] as const;

/** The page of the return case `:id`; the open tab is kept in the URL (?tab=). */
export default function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const query = useQuery({ queryKey: returnsKeys.case(id), queryFn: () => returnsApi.get(id) });
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'steps';
  if (query.isPending) return <LoadingState />;
  if (query.isError)
    return (
      <>
        <PageHeader title={t('returns:case.title')} back={{ to: '/returns/cases', label: t('returns:cases.title') }} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  const c = query.data;
  return (
    <>
      <CaseHeader returnCase={c} />
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'steps' ? { tab: v } : {}, { replace: true })} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`returns:case.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="steps"><StepsSection returnCase={c} /></Tabs.Panel>
        <Tabs.Panel value="documents"><DocumentsSection returnCase={c} /></Tabs.Panel>
        <Tabs.Panel value="medical"><MedicalSection returnCase={c} /></Tabs.Panel>
        <Tabs.Panel value="members"><MembersSection returnCase={c} /></Tabs.Panel>
        <Tabs.Panel value="travel"><TravelSection returnCase={c} /></Tabs.Panel>
        <Tabs.Panel value="timeline"><TimelineSection returnCase={c} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

// A person's page: who they are, their transit cases, household and travel groups, consents, photo,
// possible duplicates and merges, and the timeline of everything that happened to the record.
import { Alert, Anchor, Badge, Tabs } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { peopleApi, registryKeys } from '../api';
import { personName } from '../shared';
import { ConsentsSection } from './ConsentsSection';
import { DuplicatesSection } from './DuplicatesSection';
import { GroupsSection } from './GroupsSection';
import { IdentitySection } from './IdentitySection';
import { OpenCaseButton, PersonCasesSection } from './PersonCasesSection';
import { TimelineSection } from './TimelineSection';
import { PersonPrivacyActions } from '../../account/PersonPrivacyActions';

/** The page of the person `:id`. */
export default function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: registryKeys.person(id), queryFn: () => peopleApi.get(id) });
  const back = { to: '/protection/people', label: t('registry:people.title') };
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <><PageHeader title={t('registry:person.title')} back={back} /><ErrorState error={query.error} onRetry={() => void query.refetch()} /></>;
  const person = query.data;
  return (
    <>
      <PageHeader
        title={personName(person)}
        description={`${person.caseNumber}${person.siteName ? ` · ${person.siteName}` : ''}`}
        back={back}
        actions={<><OpenCaseButton person={person} /><PersonPrivacyActions person={person} onChanged={() => void query.refetch()} /></>}
        badges={person.status !== 'active' && <Badge color={person.status === 'merged' ? 'orange' : 'gray'}>{t(`registry:codes.personStatus.${person.status}`)}</Badge>}
      />
      {person.status === 'merged' && person.mergedIntoId && (
        <Alert color="orange" mb="md">
          {t('registry:person.mergedInto')}{' '}
          <Anchor component={Link} to={`/protection/people/${person.mergedIntoId}`}>{t('registry:person.openSurvivor')}</Anchor>
        </Alert>
      )}
      <Tabs defaultValue="identity" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="identity">{t('registry:person.tabs.identity')}</Tabs.Tab>
          <Tabs.Tab value="cases">{t('registry:person.tabs.cases')}</Tabs.Tab>
          <Tabs.Tab value="groups">{t('registry:person.tabs.groups')}</Tabs.Tab>
          <Tabs.Tab value="consents">{t('registry:person.tabs.consents')}</Tabs.Tab>
          <Tabs.Tab value="duplicates">{t('registry:person.tabs.duplicates')}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('registry:person.tabs.timeline')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="identity"><IdentitySection key={`${person.id}:${person.version}`} person={person} onReload={() => void query.refetch()} /></Tabs.Panel>
        <Tabs.Panel value="cases"><PersonCasesSection person={person} /></Tabs.Panel>
        <Tabs.Panel value="groups"><GroupsSection person={person} /></Tabs.Panel>
        <Tabs.Panel value="consents"><ConsentsSection person={person} /></Tabs.Panel>
        <Tabs.Panel value="duplicates"><DuplicatesSection person={person} /></Tabs.Panel>
        <Tabs.Panel value="timeline"><TimelineSection personId={person.id} /></Tabs.Panel>
      </Tabs>
    </>
  );
}

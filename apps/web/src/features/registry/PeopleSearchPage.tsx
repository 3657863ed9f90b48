// People search: by name (fuzzy, ranked, with the score), case number, phone or document number,
// filtered by nationality, sex and site, paginated.
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SEXES, type PersonSummary, type Sex } from '@taama/core';
import { useAuth } from '../../app/auth';
import { DataTable, type Column } from '../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../components/ListToolbar';
import { NewRecordButton, PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../components/useCursorList';
import { useCountryOptions, useSites } from '../admin/shared';
import { peopleApi, registryKeys } from './api';
import { formatDay, personName, ScoreBadge, useBirthLabel, useCodeOptions, useCountryName } from './shared';

const FILTERS = ['q', 'nationality', 'sex', 'siteId'] as const;
const PAGE_SIZE = 25;

/** The people list and search. */
export default function PeopleSearchPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const list = useCursorList({
    filters: FILTERS,
    search: 'q',
    queryKey: registryKeys.people,
    pageSize: PAGE_SIZE,
    fetch: ({ q, nationality, sex, siteId }, page) =>
      peopleApi.list({ q: q || undefined, nationality: nationality || undefined, sex: (sex || undefined) as Sex | undefined, siteId: siteId || undefined, ...page }),
  });
  const countries = useCountryOptions();
  const country = useCountryName();
  const birth = useBirthLabel();
  const sexes = useCodeOptions('registry', 'sex', SEXES);
  const sites = useSites();
  const searching = Boolean(list.filters.values.q);

  const columns: Column<PersonSummary>[] = [
    {
      key: 'name',
      header: t('registry:people.columns.name'),
      render: (p) => (
        <Stack gap={0}>
          <Anchor component={Link} to={`/protection/people/${p.id}`} fw={600}>{personName(p)}</Anchor>
          <Text size="xs" c="dimmed" ff="monospace">{p.caseNumber}</Text>
        </Stack>
      ),
    },
    { key: 'sex', header: t('registry:people.columns.sex'), render: (p) => t(`registry:codes.sex.${p.sex}`) },
    { key: 'birth', header: t('registry:people.columns.birth'), render: (p) => birth(p.dateOfBirth, p.dobPrecision), visibleFrom: 'sm' },
    { key: 'nationality', header: t('registry:people.columns.nationality'), render: (p) => country(p.nationality) },
    { key: 'site', header: t('registry:people.columns.site'), render: (p) => p.siteName ?? '—', visibleFrom: 'md' },
    { key: 'registered', header: t('registry:people.columns.registered'), render: (p) => formatDay(p.registeredOn, i18n.language), visibleFrom: 'lg' },
  ];
  if (searching) columns.push({ key: 'score', header: t('registry:people.columns.score'), render: (p) => (p.score === undefined ? '—' : <ScoreBadge score={p.score} />) });

  return (
    <>
      <PageHeader
        title={t('registry:people.title')}
        description={t('registry:people.description')}
        actions={can('person.create') && <NewRecordButton to="/protection/people/new" label={t('registry:people.new')} />}
      />
      <DataTable
        {...list.table}
        caption={t('registry:people.title')}
        columns={columns}
        rowKey={(p) => p.id}
        emptyTitle={t('registry:people.emptyTitle')}
        emptyDescription={t('registry:people.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            {...list.toolbar}
            searchLabel={t('registry:people.searchLabel')}
            searchPlaceholder={t('registry:people.searchPlaceholder')}
            filters={
              <>
                <FilterSelect filters={list.filters} name="nationality" label={t('registry:people.columns.nationality')} data={countries} searchable w={200} />
                <FilterSelect filters={list.filters} name="sex" label={t('registry:people.columns.sex')} data={sexes} w={140} />
                {can('site.read') && <FilterSelect filters={list.filters} name="siteId" label={t('registry:people.columns.site')} data={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} searchable w={200} />}
              </>
            }
          />
        }
      />
    </>
  );
}

// /flows/surveys: individual flow surveys (microdata), only for holders of flowSurvey.read; filtered
// by period, point and nationality, read-only.
import { Anchor, Badge, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FlowSurvey } from '@taama/core';
import { DataTable, type Column } from '../../../components/DataTable';
import { FilterSelect, ListToolbar } from '../../../components/ListToolbar';
import { PageHeader } from '../../../components/PageHeader';
import { useCursorList } from '../../../components/useCursorList';
import { flowKeys, flowsApi } from '../api';
import { useCountryName, useCountryOptions, usePointName, usePointOptions } from '../shared';

const FILTERS = ['from', 'to', 'fmpId', 'nationality'] as const;

/** The surveys list. */
export default function SurveysPage() {
  const { t } = useTranslation();
  const list = useCursorList({
    filters: FILTERS,
    // Surveys have no text search: the toolbar filters by period, point and nationality.
    search: 'nationality',
    queryKey: flowKeys.surveys,
    pageSize: 50,
    fetch: (f, page) => flowsApi.surveys({ from: f.from || undefined, to: f.to || undefined, fmpId: f.fmpId || undefined, nationality: f.nationality || undefined, ...page }),
  });
  const pointName = usePointName();
  const points = usePointOptions();
  const country = useCountryName();
  const countries = useCountryOptions(true);
  const { values, set } = list.filters;
  const columns: Column<FlowSurvey>[] = [
    {
      key: 'date',
      header: t('flows:fields.date'),
      render: (s) => (
        <Anchor component={Link} to={`/flows/surveys/${s.id}`} fw={600}>
          {s.date}
        </Anchor>
      ),
    },
    { key: 'fmp', header: t('flows:fields.fmpId'), render: (s) => pointName(s.fmpId) },
    { key: 'sex', header: t('flows:surveyFields.sex'), render: (s) => (s.sex ? t(`flows:enums.surveySex.${s.sex}`, { defaultValue: s.sex }) : '—'), visibleFrom: 'sm' },
    { key: 'age', header: t('flows:surveyFields.age'), render: (s) => s.age ?? '—', visibleFrom: 'sm' },
    { key: 'nationality', header: t('flows:surveyFields.nationality'), render: (s) => (s.nationality ? country(s.nationality) : '—') },
    {
      key: 'reasons',
      header: t('flows:surveyFields.reasons'),
      visibleFrom: 'md',
      render: (s) =>
        s.consent ? (
          <Group gap={4}>
            {(s.reasons ?? []).map((r) => (
              <Badge key={r} variant="light" size="sm">
                {t(`flows:enums.reason.${r}`, { defaultValue: r })}
              </Badge>
            ))}
          </Group>
        ) : (
          <Badge color="gray" variant="outline" size="sm">
            {t('flows:surveys.noConsent')}
          </Badge>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('flows:surveys.title')} description={t('flows:surveys.description')} />
      <DataTable
        {...list.table}
        caption={t('flows:surveys.title')}
        columns={columns}
        rowKey={(s) => s.id}
        emptyTitle={t('flows:surveys.emptyTitle')}
        emptyDescription={t('flows:surveys.emptyDescription')}
        filtered={list.filters.any}
        toolbar={
          <ListToolbar
            canClear={list.toolbar.canClear}
            onClear={list.toolbar.onClear}
            filters={
              <Group gap="sm" align="flex-end" wrap="wrap">
                <TextInput type="date" label={t('flows:filters.from')} value={values.from} onChange={(e) => set('from', e.currentTarget.value)} w={150} />
                <TextInput type="date" label={t('flows:filters.to')} value={values.to} onChange={(e) => set('to', e.currentTarget.value)} w={150} />
                <FilterSelect filters={list.filters} name="fmpId" label={t('flows:filters.fmp')} data={points} searchable w={240} />
                <FilterSelect filters={list.filters} name="nationality" label={t('flows:filters.nationality')} data={countries} searchable w={220} />
              </Group>
            }
          />
        }
      />
    </>
  );
}

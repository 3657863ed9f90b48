// Side-by-side review of two records: every field of both, differences highlighted; the reviewer
// picks the record that survives and merges the other into it, or says they are different people.
import { useState } from 'react';
import { Alert, Button, Group, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Person } from '@taama/core';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { ErrorState, LoadingState } from '../../components/States';
import { describeError } from '../../app/errors';
import { peopleApi, registryKeys } from './api';
import { personName, useBirthLabel, useCountryName } from './shared';

type Row = { key: string; label: string; value: (p: Person) => string };

/** The rows of the comparison, each field worded for display. */
function useRows(): Row[] {
  const { t } = useTranslation();
  const birth = useBirthLabel();
  const country = useCountryName();
  const list = (values: readonly string[]) => (values.length ? values.join(', ') : '—');
  return [
    { key: 'caseNumber', label: t('registry:person.caseNumber'), value: (p) => p.caseNumber },
    { key: 'givenName', label: t('registry:form.givenName'), value: (p) => p.givenName ?? '—' },
    { key: 'familyName', label: t('registry:form.familyName'), value: (p) => p.familyName ?? '—' },
    { key: 'otherNames', label: t('registry:form.otherNames'), value: (p) => list(p.otherNames ?? []) },
    { key: 'nameArabic', label: t('registry:form.nameArabic'), value: (p) => p.nameArabic ?? '—' },
    { key: 'sex', label: t('registry:form.sex'), value: (p) => t(`registry:codes.sex.${p.sex}`) },
    { key: 'birth', label: t('registry:form.dateOfBirth'), value: (p) => birth(p.dateOfBirth, p.dobPrecision) },
    { key: 'nationality', label: t('registry:form.nationality'), value: (p) => country(p.nationality) },
    { key: 'birthPlace', label: t('registry:form.birthPlace'), value: (p) => [p.birthPlace, p.birthCountry ? country(p.birthCountry) : null].filter(Boolean).join(', ') || '—' },
    { key: 'languages', label: t('registry:form.languages'), value: (p) => list(p.languages.map((l) => t(`registry:codes.language.${l}`))) },
    { key: 'phones', label: t('registry:form.phone'), value: (p) => list(p.phones ?? []) },
    { key: 'documents', label: t('registry:form.documents'), value: (p) => list((p.documents ?? []).map((d) => `${t(`registry:codes.documentType.${d.type}`)} ${d.number ?? ''}`.trim())) },
    { key: 'origin', label: t('registry:form.originPcode'), value: (p) => p.originPcode ?? '—' },
    { key: 'site', label: t('registry:person.site'), value: (p) => p.siteName ?? '—' },
    { key: 'registered', label: t('registry:person.registeredOn'), value: (p) => p.registeredOn },
    { key: 'consents', label: t('registry:consents.title'), value: (p) => String(p.consents.length) },
  ];
}

/** The review of the pair `?a=&b=`. */
export default function MergeReviewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const ids = [params.get('a') ?? '', params.get('b') ?? ''] as const;
  const [a, b] = useQueries({ queries: ids.map((id) => ({ queryKey: registryKeys.person(id), queryFn: () => peopleApi.get(id), enabled: id !== '' })) });
  const [survivor, setSurvivor] = useState<string>('');
  const [confirming, setConfirming] = useState(false);
  const rows = useRows();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: registryKeys.queue });
    void queryClient.invalidateQueries({ queryKey: registryKeys.people });
    for (const id of ids) void queryClient.invalidateQueries({ queryKey: registryKeys.person(id) });
  };
  const merge = useMutation({
    mutationFn: () => {
      const source = ids[0] === survivor ? ids[1] : ids[0];
      return peopleApi.merge(source, survivor);
    },
    onSuccess: (kept) => {
      done();
      queryClient.setQueryData(registryKeys.person(kept.id), kept);
      notifications.show({ color: 'green', message: t('registry:merge.done', { caseNumber: kept.caseNumber }) });
      void navigate(`/protection/people/${kept.id}`);
    },
  });
  const dismiss = useMutation({
    mutationFn: () => peopleApi.dismissDuplicate(ids[0], ids[1]),
    onSuccess: () => {
      done();
      notifications.show({ color: 'green', message: t('registry:merge.dismissed') });
      void navigate('/protection/duplicates');
    },
  });

  const header = <PageHeader title={t('registry:merge.title')} description={t('registry:merge.description')} back={{ to: '/protection/duplicates', label: t('registry:queue.title') }} />;
  if (!a || !b || !ids[0] || !ids[1]) return <>{header}<ErrorState error={new Error(t('registry:merge.missingPair'))} /></>;
  if (a.isPending || b.isPending) return <>{header}<LoadingState /></>;
  if (a.isError || b.isError) return <>{header}<ErrorState error={a.error ?? b.error} onRetry={() => { void a.refetch(); void b.refetch(); }} /></>;
  const pa = a.data;
  const pb = b.data;
  const inactive = [pa, pb].find((p) => p.status !== 'active');
  const chosen = survivor === pa.id ? pa : survivor === pb.id ? pb : null;
  const other = chosen === pa ? pb : pa;

  return (
    <>
      {header}
      <Stack gap="md">
        {inactive && <Alert color="orange">{t('registry:merge.notActive', { caseNumber: inactive.caseNumber })}</Alert>}
        <Paper withBorder>
          <Table.ScrollContainer minWidth={560} type="native">
            <Table verticalSpacing="xs">
              <Table.Caption>{t('registry:merge.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('registry:merge.field')}</Table.Th>
                  {[pa, pb].map((p) => (
                    <Table.Th key={p.id} scope="col">
                      <Radio name="survivor" value={p.id} checked={survivor === p.id} onChange={() => setSurvivor(p.id)} label={t('registry:merge.keep', { name: personName(p) })} disabled={Boolean(inactive)} />
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => {
                  const va = row.value(pa);
                  const vb = row.value(pb);
                  const differs = va !== vb;
                  return (
                    <Table.Tr key={row.key} bg={differs ? 'var(--mantine-color-yellow-light)' : undefined} data-differs={differs || undefined}>
                      <Table.Th scope="row">
                        {row.label}
                        {differs && <Text span size="xs" c="orange.8" ml={4}>({t('registry:merge.differs')})</Text>}
                      </Table.Th>
                      <Table.Td>{va}</Table.Td>
                      <Table.Td>{vb}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        {(merge.error || dismiss.error) && <Alert color="red" role="alert">{describeError(t, merge.error ?? dismiss.error)}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => dismiss.mutate()} loading={dismiss.isPending}>{t('registry:duplicates.different')}</Button>
          <Button onClick={() => setConfirming(true)} disabled={!chosen || Boolean(inactive)}>{t('registry:merge.submit')}</Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming && chosen !== null}
        title={t('registry:merge.confirmTitle')}
        message={chosen ? t('registry:merge.confirmMessage', { source: `${personName(other)} (${other.caseNumber})`, survivor: `${personName(chosen)} (${chosen.caseNumber})` }) : ''}
        confirmLabel={t('registry:merge.confirm')}
        pending={merge.isPending}
        onConfirm={() => merge.mutate()}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}

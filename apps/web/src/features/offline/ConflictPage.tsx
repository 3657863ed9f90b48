// A conflict, side by side: for each field both sides changed, the value before, mine and theirs;
// the user keeps theirs or mine per field, or theirs everywhere. The choice goes back as a new
// update on top of the server's version (SPEC §12: never a silent overwrite).
import { useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { entityOf } from '../../offline/merge';
import { resolveConflict } from './actions';
import { useOutbox } from './useOutbox';

/** A field value as text ('—' for nothing). */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(showValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** The conflict resolution page. */
export default function ConflictPage() {
  const { t } = useTranslation();
  const { key } = useParams();
  const navigate = useNavigate();
  const { entries } = useOutbox();
  const entry = useMemo(() => entries?.find((e) => e.change.idempotencyKey === key), [entries, key]);
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const header = <PageHeader title={t('offline:conflict.title')} description={t('offline:conflict.description')} back={{ to: '/offline', label: t('offline:pending.title') }} />;
  if (!entries) return <>{header}<LoadingState /></>;
  if (!entry?.conflict) return <>{header}<EmptyState title={t('offline:conflict.gone')} /></>;
  const conflict = entry.conflict;

  const submit = async (keepMine: ReadonlySet<string>) => {
    setPending(true);
    setError(null);
    try {
      await resolveConflict(entry, keepMine);
      void navigate('/offline');
    } catch (failure) {
      setError(failure);
      setPending(false);
    }
  };
  const mine = new Set(conflict.fields.filter((f) => choices[f.field] === 'mine').map((f) => f.field));

  return (
    <>
      {header}
      <Stack gap="md">
        <Text>
          <Text span fw={700}>{entry.label}</Text> · {t(`offline:entity.${entityOf(entry.change.type)}`)}
        </Text>
        {error !== null && <Alert color="red">{t('offline:conflict.failed')}</Alert>}
        <Paper withBorder>
          <Table.ScrollContainer minWidth={640} type="native">
            <Table verticalSpacing="sm" data-testid="conflict-table">
              <Table.Caption>{t('offline:conflict.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('offline:conflict.field')}</Table.Th>
                  <Table.Th scope="col">{t('offline:conflict.base')}</Table.Th>
                  <Table.Th scope="col">{t('offline:conflict.mine')}</Table.Th>
                  <Table.Th scope="col">{t('offline:conflict.theirs')}</Table.Th>
                  <Table.Th scope="col">{t('offline:conflict.keep')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {conflict.fields.map((f) => {
                  const fieldLabel = t(`offline:field.${f.field}`, { defaultValue: f.field });
                  return (
                    <Table.Tr key={f.field}>
                      <Table.Th scope="row">{fieldLabel}</Table.Th>
                      <Table.Td c="dimmed">{showValue(f.base)}</Table.Td>
                      <Table.Td data-testid={`mine-${f.field}`}>{showValue(f.mine)}</Table.Td>
                      <Table.Td data-testid={`theirs-${f.field}`}>{showValue(f.theirs)}</Table.Td>
                      <Table.Td>
                        <Radio.Group name={`keep-${f.field}`} value={choices[f.field] ?? 'theirs'} onChange={(value) => setChoices((c) => ({ ...c, [f.field]: value === 'mine' ? 'mine' : 'theirs' }))} aria-label={t('offline:conflict.keepFor', { field: fieldLabel })}>
                          <Group gap="md" wrap="nowrap">
                            <Radio value="mine" label={t('offline:conflict.mine')} />
                            <Radio value="theirs" label={t('offline:conflict.theirs')} />
                          </Group>
                        </Radio.Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => void submit(new Set())} loading={pending}>
            {t('offline:conflict.keepTheirs')}
          </Button>
          <Button onClick={() => void submit(mine)} loading={pending}>
            {t('offline:conflict.apply')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}

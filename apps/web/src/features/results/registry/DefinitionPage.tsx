// The editor of one indicator (/results/registry/:code): titles, unit and data source in French and
// English, baseline, total and per-quarter targets, partner and the computation rule. A changed rule
// becomes a new rule version (the page says so before saving); a concurrent edit is a 412, explained.
// Manual indicators also show their entered values (ManualValues).
import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { INDICATOR_SOURCES, type IndicatorDefinitionPatch, type IndicatorDefinitionView } from '@taama/core';
import { ApiError } from '../../../api/client';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/States';
import { resultsKeys } from '../api';
import { formatPeriodTargets, parsePeriodTargets, registryApi, registryKeys } from './api';
import { ManualValues } from './ManualValues';

interface Values {
  titleFr: string;
  titleEn: string;
  unitFr: string;
  unitEn: string;
  sourceFr: string;
  sourceEn: string;
  baseline: number;
  target: number | '';
  periodTargets: string;
  partner: string;
  mode: 'automatic' | 'manual';
  source: string;
  kind: 'distinct' | 'sum';
}

function valuesOf(d: IndicatorDefinitionView): Values {
  const c = d.computation;
  return {
    titleFr: d.title.fr, titleEn: d.title.en, unitFr: d.unit.fr, unitEn: d.unit.en, sourceFr: d.dataSource.fr, sourceEn: d.dataSource.en,
    baseline: d.baseline, target: d.target ?? '', periodTargets: formatPeriodTargets(d.periodTargets), partner: d.partner,
    mode: c.mode, source: c.mode === 'automatic' ? c.source : INDICATOR_SOURCES[0], kind: c.mode === 'automatic' ? c.kind : 'distinct',
  };
}

/** Whether the edited rule differs from the saved one (saving it makes a new rule version). */
export function ruleChanged(d: IndicatorDefinitionView, v: Pick<Values, 'mode' | 'source' | 'kind'>): boolean {
  const c = d.computation;
  if (c.mode !== v.mode) return true;
  return c.mode === 'automatic' && (c.source !== v.source || c.kind !== v.kind);
}

function Editor({ definition }: { definition: IndicatorDefinitionView }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [v, setV] = useState<Values>(() => valuesOf(definition));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((cur) => ({ ...cur, [key]: value }));
  const parsed = parsePeriodTargets(v.periodTargets);
  const changed = ruleChanged(definition, v);
  const save = useMutation({
    mutationFn: () => {
      const patch: IndicatorDefinitionPatch = {
        title: { fr: v.titleFr.trim(), en: v.titleEn.trim() },
        unit: { fr: v.unitFr.trim(), en: v.unitEn.trim() },
        dataSource: { fr: v.sourceFr.trim(), en: v.sourceEn.trim() },
        baseline: v.baseline,
        target: v.target === '' ? null : v.target,
        periodTargets: parsed.targets,
        partner: v.partner.trim(),
        ...(changed ? { computation: v.mode === 'manual' ? { mode: 'manual' as const } : { mode: 'automatic' as const, source: v.source as (typeof INDICATOR_SOURCES)[number], kind: v.kind } } : {}),
      };
      return registryApi.update(definition.code, definition.version, patch);
    },
    onSuccess: (saved) => {
      client.setQueryData(registryKeys.one(saved.code), saved);
      void client.invalidateQueries({ queryKey: registryKeys.list });
      void client.invalidateQueries({ queryKey: resultsKeys.indicators });
      notifications.show({ color: 'teal', message: t('results:registry.saved', { code: saved.code, version: saved.computation.version }) });
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const field = (name: string) => err?.fields[name];
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (parsed.badLines.length === 0) save.mutate(); }}>
      <Stack maw={900}>
        {err?.isStale && (
          <Alert color="orange" title={t('results:registry.staleTitle')}>
            <Text size="sm" mb="xs">{t('results:registry.staleMessage')}</Text>
            <Button size="xs" variant="light" onClick={() => void client.invalidateQueries({ queryKey: registryKeys.one(definition.code) })}>{t('results:registry.reload')}</Button>
          </Alert>
        )}
        {err && !err.isStale && <Alert color="red">{err.message}</Alert>}
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('results:registry.titleFr')} value={v.titleFr} onChange={(e) => set('titleFr', e.currentTarget.value)} required maxLength={300} error={field('title.fr') ?? field('title')} />
            <TextInput label={t('results:registry.titleEn')} value={v.titleEn} onChange={(e) => set('titleEn', e.currentTarget.value)} required maxLength={300} error={field('title.en')} />
            <TextInput label={t('results:registry.unitFr')} value={v.unitFr} onChange={(e) => set('unitFr', e.currentTarget.value)} required maxLength={60} error={field('unit.fr') ?? field('unit')} />
            <TextInput label={t('results:registry.unitEn')} value={v.unitEn} onChange={(e) => set('unitEn', e.currentTarget.value)} required maxLength={60} error={field('unit.en')} />
            <TextInput label={t('results:registry.sourceFr')} value={v.sourceFr} onChange={(e) => set('sourceFr', e.currentTarget.value)} required maxLength={300} error={field('dataSource.fr') ?? field('dataSource')} />
            <TextInput label={t('results:registry.sourceEn')} value={v.sourceEn} onChange={(e) => set('sourceEn', e.currentTarget.value)} required maxLength={300} error={field('dataSource.en')} />
            <NumberInput label={t('results:registry.baseline')} value={v.baseline} onChange={(n) => set('baseline', typeof n === 'number' ? n : 0)} min={0} error={field('baseline')} />
            <NumberInput label={t('results:registry.target')} value={v.target} onChange={(n) => set('target', typeof n === 'number' ? n : '')} min={0} error={field('target')} />
            <TextInput label={t('results:registry.partner')} value={v.partner} onChange={(e) => set('partner', e.currentTarget.value)} required maxLength={40} error={field('partner')} />
            <Textarea
              label={t('results:registry.periodTargets')}
              description={t('results:registry.periodTargetsHelp')}
              value={v.periodTargets}
              onChange={(e) => set('periodTargets', e.currentTarget.value)}
              autosize
              minRows={3}
              error={parsed.badLines.length ? t('results:registry.periodTargetsError', { lines: parsed.badLines.join(', ') }) : field('periodTargets')}
            />
          </SimpleGrid>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">{t('results:registry.rule')}</Title>
          <Group align="flex-end">
            <Select label={t('results:registry.mode')} value={v.mode} onChange={(m) => m && set('mode', m === 'manual' ? 'manual' : 'automatic')} data={(['automatic', 'manual'] as const).map((m) => ({ value: m, label: t(`results:enum.mode.${m}`) }))} allowDeselect={false} />
            {v.mode === 'automatic' && (
              <>
                <Select label={t('results:registry.source')} value={v.source} onChange={(s) => s && set('source', s)} data={[...INDICATOR_SOURCES]} allowDeselect={false} searchable w={300} error={field('computation.source')} />
                <Select label={t('results:registry.kind')} value={v.kind} onChange={(k) => k && set('kind', k === 'sum' ? 'sum' : 'distinct')} data={(['distinct', 'sum'] as const).map((k) => ({ value: k, label: t(`results:enum.kind.${k}`) }))} allowDeselect={false} />
              </>
            )}
          </Group>
          <Text size="sm" mt="xs" c={changed ? 'orange' : 'dimmed'}>
            {changed ? t('results:registry.newVersion', { version: definition.computation.version + 1 }) : t('results:registry.currentVersion', { version: definition.computation.version })}
          </Text>
        </Paper>
        <Group>
          <Button type="submit" loading={save.isPending} disabled={parsed.badLines.length > 0}>{t('results:registry.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The editor page. */
export default function DefinitionPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const query = useQuery({ queryKey: registryKeys.one(code), queryFn: () => registryApi.get(code) });
  return (
    <>
      <PageHeader title={t('results:registry.editTitle', { code })} back={{ to: '/results/registry', label: t('results:registry.back') }} />
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="xl">
          <Editor key={`${query.data.code}:${query.data.version}`} definition={query.data} />
          {query.data.computation.mode === 'manual' && <ManualValues code={query.data.code} />}
        </Stack>
      )}
    </>
  );
}

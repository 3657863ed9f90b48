// The period picker of the results screens: the whole programme, a quarter, a year or a custom span,
// and the interval of the per-period columns. Everything lives in the URL so a view can be shared
// and reloaded. The quarters offered are the programme's (from GET /periods).
import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { resultsApi, resultsKeys } from './api';
import { selectionFromUrl, spanOf, type PeriodSelection } from './logic';

const KEYS = ['period', 'from', 'to', 'interval'] as const;
type Key = (typeof KEYS)[number];

/** The picker's values in the URL, and a way to change several at once (one history entry). */
export interface PeriodParams {
  values: Record<Key, string>;
  setMany: (patch: Partial<Record<Key, string | null>>) => void;
  set: (key: Key, value: string | null) => void;
}

/** Reads and writes the picker's URL parameters, keeping the page's other parameters. */
export function usePeriodParams(): PeriodParams {
  const [params, setParams] = useSearchParams();
  const values = { period: params.get('period') ?? '', from: params.get('from') ?? '', to: params.get('to') ?? '', interval: params.get('interval') ?? '' };
  const setMany = (patch: Partial<Record<Key, string | null>>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const key of KEYS) {
          if (!(key in patch)) continue;
          const value = patch[key];
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return { values, setMany, set: (key, value) => setMany({ [key]: value }) };
}

/** The programme's quarters, newest first (shared by the picker and the reports page). */
export function useProgrammeQuarters() {
  const query = useQuery({ queryKey: resultsKeys.periods, queryFn: resultsApi.periods });
  const items = [...(query.data?.items ?? [])].sort((a, b) => b.period.localeCompare(a.period));
  return { items, codes: items.map((p) => p.period) };
}

/** The selection and span the URL describes (an invalid span names its field). */
export function usePeriodSelection(filters: PeriodParams) {
  const v = filters.values;
  const selection = selectionFromUrl(v.period, v.from, v.to);
  const span = spanOf(selection);
  const interval = v.interval === 'month' || v.interval === 'year' ? v.interval : 'quarter';
  return { selection, span, interval } as const;
}

/** Kind, value and interval controls. */
export function PeriodPicker({ filters }: { filters: PeriodParams }) {
  const { t } = useTranslation();
  const { selection, span, interval } = usePeriodSelection(filters);
  const quarters = useProgrammeQuarters();
  const latest = quarters.items.find((p) => p.status !== 'open') ?? quarters.items[0];
  const setKind = (kind: string) => {
    if (kind === 'all') filters.setMany({ period: null, from: null, to: null });
    else if (kind === 'quarter') filters.setMany({ period: latest?.period ?? null, from: null, to: null });
    else if (kind === 'year') filters.setMany({ period: (latest?.period ?? new Date().toISOString()).slice(0, 4), from: null, to: null });
    else filters.setMany({ period: null, from: latest?.from ?? null, to: latest?.to ?? null });
  };
  const error = 'error' in span ? span.error : null;
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SegmentedControl
        aria-label={t('results:picker.kind')}
        value={selection.kind}
        onChange={setKind}
        data={(['all', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`results:picker.${k}`) }))}
      />
      <SelectionInputs selection={selection} filters={filters} error={error} quarters={quarters.codes} />
      <Select
        label={t('results:picker.interval')}
        value={interval}
        onChange={(value) => filters.set('interval', value === 'quarter' ? null : value)}
        data={(['quarter', 'month', 'year'] as const).map((k) => ({ value: k, label: t(`results:picker.intervals.${k}`) }))}
        allowDeselect={false}
        w={150}
      />
    </Group>
  );
}

interface SelectionInputsProps {
  selection: PeriodSelection;
  filters: PeriodParams;
  error: string | null;
  quarters: string[];
}

function SelectionInputs({ selection, filters, error, quarters }: SelectionInputsProps) {
  const { t } = useTranslation();
  if (selection.kind === 'all') return null;
  if (selection.kind === 'quarter')
    return (
      <Select
        label={t('results:picker.quarter')}
        value={selection.quarter}
        onChange={(value) => filters.set('period', value)}
        // The URL's quarter stays selectable even before the list arrives.
        data={quarters.includes(selection.quarter) || !/^\d{4}Q[1-4]$/.test(selection.quarter) ? quarters : [selection.quarter, ...quarters]}
        error={error === 'quarter' ? t('results:picker.errors.quarter') : undefined}
        allowDeselect={false}
        searchable
        w={140}
      />
    );
  if (selection.kind === 'year')
    return (
      <TextInput
        label={t('results:picker.year')}
        value={selection.year}
        onChange={(e) => filters.set('period', e.currentTarget.value)}
        error={error === 'year' ? t('results:picker.errors.year') : undefined}
        w={100}
      />
    );
  return (
    <>
      <TextInput
        type="date"
        label={t('results:picker.from')}
        value={selection.from}
        onChange={(e) => filters.setMany({ period: null, from: e.currentTarget.value })}
        error={error === 'from' ? t('results:picker.errors.date') : error === 'order' ? t('results:picker.errors.order') : undefined}
      />
      <TextInput
        type="date"
        label={t('results:picker.to')}
        value={selection.to}
        onChange={(e) => filters.setMany({ period: null, to: e.currentTarget.value })}
        error={error === 'to' ? t('results:picker.errors.date') : undefined}
      />
    </>
  );
}

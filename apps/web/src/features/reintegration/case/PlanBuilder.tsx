// The plan builder: goals, then assistance items picked by dimension → type with their level, mode,
// provider, in-kind or cash and planned amount (euros shown at the peg), under a live budget bar
// that blocks submission when the plan goes over the ceiling.
import { useState } from 'react';
import { ActionIcon, Button, Group, NativeSelect, NumberInput, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { lineAmount } from '@taama/core';
import { FormErrorAlert } from '../../../components/forms';
import { fieldError } from '../../registry/shared';
import { reintegrationApi } from '../api';
import { budgetState, xofToEur } from '../logic';
import { useEnumOptions } from '../shared';
import {
  ASSISTANCE_DIMENSIONS,
  ASSISTANCE_LEVELS,
  ASSISTANCE_MODES,
  ASSISTANCE_TYPES_BY_DIMENSION,
  type AssistanceDimension,
  type AssistanceItemInput,
  type AssistanceLevel,
  type AssistanceMode,
  type AssistanceType,
  type ReintegrationCase,
} from '../types';
import { BudgetBar } from './BudgetBar';
import { useCaseRefresh } from './useCaseRefresh';

/** One row of the builder: the item as sent, and (for project items) this beneficiary's share. */
export interface DraftItem extends AssistanceItemInput {
  key: string;
  apportionedXof?: number | null;
}

let nextKey = 0;
/** A new, empty row of the builder. */
export function emptyItem(): DraftItem {
  nextKey += 1;
  return { key: `new-${nextKey}`, dimension: 'economic', level: 'individual', type: 'business_startup', mode: 'direct', inKind: true, plannedXof: 0 };
}

/** The rows of a case's current plan (items not cancelled). */
export function draftItems(c: ReintegrationCase): DraftItem[] {
  return c.items
    .filter((i) => i.status !== 'cancelled')
    .map((i) => ({
      key: i.id,
      id: i.id,
      dimension: i.dimension,
      level: i.level,
      type: i.type,
      mode: i.mode,
      inKind: i.inKind,
      plannedXof: i.plannedXof,
      apportionedXof: i.apportionedXof,
      ...(i.provider ? { provider: i.provider } : {}),
      ...(i.description ? { description: i.description } : {}),
      ...(i.projectId ? { projectId: i.projectId } : {}),
    }));
}

/** What the server takes for a row (the builder's own fields left out). */
export function toInput(item: DraftItem): AssistanceItemInput {
  const { key: _key, apportionedXof: _share, provider, description, ...rest } = item;
  return { ...rest, plannedXof: Math.round(rest.plannedXof), ...(provider?.trim() ? { provider: provider.trim() } : {}), ...(description?.trim() ? { description: description.trim() } : {}) };
}

interface ItemRowProps {
  item: DraftItem;
  index: number;
  error: unknown;
  onChange: (item: DraftItem) => void;
  /** Absent for a single item added on its own (nothing to remove). */
  onRemove?: () => void;
  /** The prefix of the server's field errors for this row ("items.0" in a plan, "" alone). */
  errorPath?: string;
}

/** One assistance item: dimension → type, level, mode, provider, amount with euros, in kind or cash. */
export function ItemRow({ item, index, error, onChange, onRemove, errorPath }: ItemRowProps) {
  const { t, i18n } = useTranslation();
  const dimensions = useEnumOptions('dimension', ASSISTANCE_DIMENSIONS);
  const types = useEnumOptions('assistanceType', ASSISTANCE_TYPES_BY_DIMENSION[item.dimension]);
  const levels = useEnumOptions('level', ASSISTANCE_LEVELS);
  const modes = useEnumOptions('mode', ASSISTANCE_MODES);
  const path = errorPath ?? `items.${index}`;
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const eur = new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }).format(xofToEur(Number(item.plannedXof) || 0));
  return (
    <Paper withBorder p="sm" component="fieldset" aria-label={t('reintegration:plan.itemN', { n: index + 1 })} style={{ border: undefined }}>
      <Group align="flex-start" wrap="wrap" gap="sm">
        <NativeSelect
          label={t('reintegration:plan.dimension')}
          data={dimensions}
          value={item.dimension}
          onChange={(e) => {
            const dimension = e.currentTarget.value as AssistanceDimension;
            onChange({ ...item, dimension, type: ASSISTANCE_TYPES_BY_DIMENSION[dimension][0] });
          }}
        />
        <NativeSelect label={t('reintegration:plan.type')} data={types} value={item.type} onChange={(e) => onChange({ ...item, type: e.currentTarget.value as AssistanceType })} error={fieldError(t, error, at('type'))} />
        <NativeSelect label={t('reintegration:plan.level')} data={levels} value={item.level} onChange={(e) => onChange({ ...item, level: e.currentTarget.value as AssistanceLevel })} />
        <NativeSelect label={t('reintegration:plan.mode')} data={modes} value={item.mode} onChange={(e) => onChange({ ...item, mode: e.currentTarget.value as AssistanceMode })} />
        <TextInput label={t('reintegration:plan.provider')} value={item.provider ?? ''} maxLength={200} onChange={(e) => onChange({ ...item, provider: e.currentTarget.value })} w={180} />
        <NumberInput
          label={t('reintegration:plan.plannedXof')}
          description={eur}
          value={item.plannedXof}
          onChange={(v) => onChange({ ...item, plannedXof: typeof v === 'number' ? v : Number(v) || 0 })}
          min={0}
          max={1_000_000_000}
          allowDecimal={false}
          thousandSeparator=" "
          w={170}
          error={fieldError(t, error, at('plannedXof'))}
        />
        <Switch mt={30} label={t('reintegration:plan.inKind')} checked={item.inKind} onChange={(e) => onChange({ ...item, inKind: e.currentTarget.checked })} />
        {onRemove && (
          <ActionIcon mt={26} variant="subtle" color="red" size="lg" onClick={onRemove} aria-label={t('reintegration:plan.removeItem', { n: index + 1 })}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        )}
      </Group>
      {item.level !== 'individual' && item.apportionedXof !== null && item.apportionedXof !== undefined && (
        <Text size="xs" c="dimmed" mt={4}>{t('reintegration:plan.apportioned')}</Text>
      )}
    </Paper>
  );
}

interface PlanBuilderProps {
  reintegrationCase: ReintegrationCase;
  ceilingXof: number;
}

/** The editable plan: save as a draft, or save and submit for approval. */
export function PlanBuilder({ reintegrationCase: c, ceilingXof }: PlanBuilderProps) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c.id);
  const [goals, setGoals] = useState<string[]>(() => (c.plan?.goals.length ? c.plan.goals : ['']));
  const [items, setItems] = useState<DraftItem[]>(() => draftItems(c));
  const budget = budgetState(items.map((i) => lineAmount({ level: i.level, status: 'planned', plannedXof: Number(i.plannedXof) || 0, apportionedXof: i.apportionedXof })), ceilingXof);
  const save = useMutation({
    mutationFn: async (submit: boolean) => {
      await reintegrationApi.savePlan(c.id, c.plan?.version, { goals: goals.map((g) => g.trim()).filter(Boolean), items: items.map(toInput) });
      if (submit) await reintegrationApi.submitPlan(c.id);
    },
    onSuccess: refresh,
  });
  const setItem = (index: number, item: DraftItem) => setItems(items.map((x, i) => (i === index ? item : x)));
  return (
    <Stack gap="md">
      <FormErrorAlert error={save.error} onReload={refresh} />
      <Title order={2} size="h4">{t('reintegration:plan.goals')}</Title>
      {goals.map((goal, index) => (
        <Group key={index} gap="xs" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={t('reintegration:plan.goalN', { n: index + 1 })} value={goal} maxLength={1000} onChange={(e) => setGoals(goals.map((g, i) => (i === index ? e.currentTarget.value : g)))} />
          <ActionIcon mt={24} variant="subtle" color="red" size="lg" disabled={goals.length === 1} onClick={() => setGoals(goals.filter((_, i) => i !== index))} aria-label={t('reintegration:plan.removeGoal', { n: index + 1 })}>
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content" onClick={() => setGoals([...goals, ''])} disabled={goals.length >= 20}>
        {t('reintegration:plan.addGoal')}
      </Button>
      <Title order={2} size="h4">{t('reintegration:plan.items')}</Title>
      <BudgetBar state={budget} />
      {items.length === 0 && <Text c="dimmed">{t('reintegration:plan.noItems')}</Text>}
      {items.map((item, index) => (
        <ItemRow key={item.key} item={item} index={index} error={save.error} onChange={(next) => setItem(index, next)} onRemove={() => setItems(items.filter((_, i) => i !== index))} />
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} w="fit-content" onClick={() => setItems([...items, emptyItem()])} disabled={items.length >= 50}>
        {t('reintegration:plan.addItem')}
      </Button>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => save.mutate(false)} loading={save.isPending && save.variables === false}>{t('reintegration:plan.saveDraft')}</Button>
        <Button onClick={() => save.mutate(true)} loading={save.isPending && save.variables === true} disabled={budget.blocksSubmit}>{t('reintegration:plan.submit')}</Button>
      </Group>
      {budget.over && <Text size="sm" c="red" role="alert">{t('reintegration:plan.overBlocks')}</Text>}
    </Stack>
  );
}

// Vulnerability screening (SPEC §5): flags, risk and protective factors at the four levels of the
// IOM model, notes; each save is a new version. The priority it would lead to is previewed with the
// default rules (the server applies the configured ones), and the history lists every version.
import { useState, type FormEvent } from 'react';
import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { derivePriority, FACTOR_LEVELS, isSensitiveFlag, PROTECTIVE_FACTORS, RISK_FACTORS, VULNERABILITY_FLAGS, type FactorLevel, type Screening, type TransitCase, type VulnerabilityFlag } from '@taama/core';
import { useMe } from '../../../app/auth';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { formatDay } from '../../registry/shared';
import { casesApi } from '../api';
import { PriorityBadge } from '../shared';
import { useCaseRefresh } from './useCaseRefresh';

type Levels = Record<FactorLevel, string[]>;
const noFactors = (): Levels => ({ individual: [], household: [], community: [], structural: [] });

/** Why a priority was derived, in words ("flag:unaccompanied_child", "net_risk:7", "none"). */
export function priorityReason(t: TFunction, because: string): string {
  const [rule, value = ''] = because.split(':');
  if (rule === 'flag') return t('protection:screening.becauseFlag', { flag: t(`protection:codes.flag.${value}`) });
  if (rule === 'net_risk') return t('protection:screening.becauseRisk', { count: Number(value) });
  return t('protection:screening.becauseNone');
}

/** Checkboxes for the factors of one table (risk or protective), grouped by level. */
function FactorsField({ kind, table, value, onChange }: { kind: 'risk' | 'protective'; table: typeof RISK_FACTORS | typeof PROTECTIVE_FACTORS; value: Levels; onChange: (v: Levels) => void }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {FACTOR_LEVELS.map((level) => (
        <Checkbox.Group key={level} label={t(`protection:screening.${kind}At`, { level: t(`protection:codes.level.${level}`) })} value={value[level]} onChange={(codes) => onChange({ ...value, [level]: codes })}>
          <Stack gap={6} mt={6}>
            {table[level].map((code) => (
              <Checkbox key={code} value={code} label={t(`protection:codes.${kind}Factor.${code}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      ))}
    </SimpleGrid>
  );
}

/** The form for a new screening version, starting from the latest one. */
function ScreeningForm({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c);
  const latest = c.screenings[0];
  // Flags revealing trafficking, GBV or health are not sent to roles below `sensitive`: such a role
  // cannot carry them over to a new version, and is told so.
  const cleared = useMe().maxSensitivity === 'sensitive';
  const [flags, setFlags] = useState<string[]>(() => (latest ? [...latest.flags, ...(latest.sensitiveFlags ?? [])] : []));
  const [risk, setRisk] = useState<Levels>(() => ({ ...noFactors(), ...(latest?.riskFactors as Partial<Levels> | undefined) }));
  const [protective, setProtective] = useState<Levels>(() => ({ ...noFactors(), ...(latest?.protectiveFactors as Partial<Levels> | undefined) }));
  const [notes, setNotes] = useState('');
  const preview = derivePriority({ flags: flags as VulnerabilityFlag[], riskFactors: risk, protectiveFactors: protective });
  const save = useMutation({
    mutationFn: () =>
      casesApi.screen(c.id, {
        flags: flags as VulnerabilityFlag[],
        riskFactors: risk,
        protectiveFactors: protective,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      }),
    onSuccess: (s) => {
      setNotes('');
      refresh();
      notifications.show({ color: 'green', message: t('protection:screening.saved', { sequence: s.sequence, priority: t(`protection:codes.priority.${s.priority}`) }) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('protection:screening.formTitle')}>
      <Stack gap="md">
        <Title order={2} size="h4">{latest ? t('protection:screening.newVersion', { sequence: latest.sequence + 1 }) : t('protection:screening.formTitle')}</Title>
        <FormErrorAlert error={save.error} />
        <Checkbox.Group label={t('protection:screening.flags')} value={flags} onChange={setFlags}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt={6}>
            {VULNERABILITY_FLAGS.map((flag) => (
              <Checkbox key={flag} value={flag} label={isSensitiveFlag(flag) ? `${t(`protection:codes.flag.${flag}`)} ${t('protection:screening.sensitiveMark')}` : t(`protection:codes.flag.${flag}`)} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        <Text size="xs" c="dimmed">{t('protection:screening.sensitiveHint')}</Text>
        {latest && !cleared && <Text size="xs" c="orange.8">{t('protection:screening.notCleared')}</Text>}
        <Title order={3} size="h5">{t('protection:screening.riskFactors')}</Title>
        <FactorsField kind="risk" table={RISK_FACTORS} value={risk} onChange={setRisk} />
        <Title order={3} size="h5">{t('protection:screening.protectiveFactors')}</Title>
        <FactorsField kind="protective" table={PROTECTIVE_FACTORS} value={protective} onChange={setProtective} />
        <Textarea label={t('protection:screening.notes')} description={t('protection:screening.notesHint')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
        <Group justify="space-between" align="center">
          <Group gap="xs" aria-live="polite">
            <Text size="sm">{t('protection:screening.preview')}</Text>
            <PriorityBadge priority={preview.priority} />
            <Text size="xs" c="dimmed">{priorityReason(t, preview.because)}</Text>
          </Group>
          <Button type="submit" loading={save.isPending}>{t('protection:screening.submit')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** One version in the history. */
function ScreeningVersion({ screening: s }: { screening: Screening }) {
  const { t, i18n } = useTranslation();
  const flags = [...s.flags, ...(s.sensitiveFlags ?? [])];
  const factors = (f: Screening['riskFactors']) => Object.values(f).flat().length;
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('protection:screening.version', { sequence: s.sequence, date: formatDay(s.screenedOn, i18n.language) })}
          {s.screenedBy ? ` · ${s.screenedBy}` : ''}
        </Text>
        <PriorityBadge priority={s.priority} />
      </Group>
      <Text size="xs" c="dimmed">{priorityReason(t, s.priorityBecause)}</Text>
      <Group gap={4} mt={4}>
        {flags.length === 0 ? <Text size="sm">{t('protection:screening.noFlags')}</Text> : flags.map((f) => <Badge key={f} variant="light" color={isSensitiveFlag(f) ? 'grape' : 'blue'}>{t(`protection:codes.flag.${f}`)}</Badge>)}
      </Group>
      <Text size="xs" mt={4}>{t('protection:screening.factorCounts', { risk: factors(s.riskFactors), protective: factors(s.protectiveFactors) })}</Text>
      {s.notes && <Text size="sm" mt={4}>{s.notes}</Text>}
    </Paper>
  );
}

/** The screening tab: the form (when the case may be updated) and the history. */
export function ScreeningSection({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const canScreen = c.abilities.update && c.status !== 'closed';
  return (
    <Stack gap="lg">
      {canScreen && (
        <Paper withBorder p="lg">
          <ScreeningForm key={c.screenings[0]?.id ?? 'first'} transitCase={c} />
        </Paper>
      )}
      <Stack gap="xs">
        <Title order={2} size="h4">{t('protection:screening.history')}</Title>
        {c.screenings.length === 0 ? <EmptyState title={t('protection:screening.none')} /> : c.screenings.map((s) => <ScreeningVersion key={s.id} screening={s} />)}
      </Stack>
    </Stack>
  );
}

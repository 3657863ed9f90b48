// The activity form, made for a tablet in the field: large controls, the type first (it decides how
// reach is recorded), then where it took place (a community, a flow monitoring point or a place on a
// route), the reach grid with its live total or an estimated audience, materials and notes.
import { ActionIcon, Button, Group, NumberInput, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { flowsApi } from '../../flows/api';
import { ACTIVITY_TYPES, type Activity, type ActivityInput, type ActivityPatch, type ActivityType, type Material } from '../api';
import { reachErrors, reachInput, reachModes, type ReachGrid as Grid, type ReachMode } from '../reach';
import { CommunePicker, useCampaignOptions, useCommunityOptions, useEnumLabel } from '../shared';
import { ReachGrid } from './ReachGrid';

export type LocationKind = 'community' | 'fmp' | 'route';

/** The form's values. */
export interface ActivityValues {
  type: ActivityType | '';
  campaignId: string;
  date: string;
  location: LocationKind;
  communityId: string;
  fmpId: string;
  routeName: string;
  routeCommune: string;
  facilitator: string;
  reachMode: ReachMode;
  reached: Grid;
  estimate: number | '';
  materials: { type: string; quantity: number | '' }[];
  notes: string;
}

const FIELDS = ['type', 'campaignId', 'date', 'communityId', 'fmpId', 'routeLocation', 'facilitator', 'reached', 'materials', 'notes'] as const;
type FormField = (typeof FIELDS)[number];

const EMPTY_GRID: Grid = { total: '', men: '', women: '', boys: '', girls: '' };

/** Today as YYYY-MM-DD in the device's own calendar. */
export function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The form's values from a saved activity. */
export function valuesOf(activity: Activity): ActivityValues {
  return {
    type: activity.type,
    campaignId: activity.campaignId ?? '',
    date: activity.date,
    location: activity.communityId ? 'community' : activity.fmpId ? 'fmp' : 'route',
    communityId: activity.communityId ?? '',
    fmpId: activity.fmpId ?? '',
    routeName: activity.routeLocation?.name ?? '',
    routeCommune: activity.routeLocation?.communePcode ?? '',
    facilitator: activity.facilitator,
    reachMode: activity.reached ? 'counted' : 'estimate',
    reached: activity.reached ? { ...activity.reached } : EMPTY_GRID,
    estimate: activity.reached ? '' : (activity.estimatedAudience ?? ''),
    materials: activity.materials.map((m) => ({ ...m })),
    notes: activity.notes ?? '',
  };
}

/** The place of the activity: exactly one of a community, a point or a route location. */
function placeOf(values: ActivityValues): Pick<ActivityInput, 'communityId' | 'fmpId' | 'routeLocation'> {
  switch (values.location) {
    case 'community':
      return { communityId: values.communityId };
    case 'fmp':
      return { fmpId: values.fmpId.trim() };
    case 'route':
      return { routeLocation: { name: values.routeName.trim(), communePcode: values.routeCommune } };
  }
}

/** The activity the API takes from the form's values (exactly one place). */
export function inputOf(values: ActivityValues): ActivityInput {
  const type = values.type || 'other';
  return {
    type,
    campaignId: values.campaignId || null,
    date: values.date,
    ...placeOf(values),
    facilitator: values.facilitator.trim(),
    reached: reachInput(values.reachMode, values.reached, values.estimate),
    materials: values.materials.filter((m) => m.type.trim()).map((m): Material => ({ type: m.type.trim(), quantity: m.quantity === '' ? 0 : m.quantity })),
    notes: values.notes.trim() || null,
  };
}

/** The whole activity as a patch: a new place replaces the old one on the server. */
export function patchOf(values: ActivityValues): ActivityPatch {
  return inputOf(values);
}

/** The client's own checks: what the server would refuse, said before sending. */
export function validateActivity(values: ActivityValues, t: (key: string, options?: Record<string, unknown>) => string): FieldErrors<Record<FormField, unknown>> {
  const required = t('common:fieldMessages.required');
  const found: FieldErrors<Record<FormField, unknown>> = {};
  if (!values.type) found.type = required;
  if (!values.date) found.date = required;
  else if (values.date > today()) found.date = t('awareness:activities.errors.future');
  if (values.location === 'community' && !values.communityId) found.communityId = required;
  if (values.location === 'fmp' && !values.fmpId.trim()) found.fmpId = required;
  if (values.location === 'route' && (!values.routeName.trim() || !values.routeCommune)) found.routeLocation = required;
  if (!values.facilitator.trim()) found.facilitator = required;
  if (values.reachMode === 'estimate') {
    if (values.estimate === '') found.reached = required;
  } else {
    const problem = reachErrors(values.reached).total;
    if (problem) found.reached = problem === 'required' ? required : t(`awareness:reach.errors.${problem}`, { sum: 0, total: 0 });
  }
  if (values.materials.some((m) => m.type.trim() && (m.quantity === '' || m.quantity < 1))) found.materials = t('awareness:activities.errors.quantity');
  return found;
}

/** The flow monitoring points, for those who may read them; others type the point's code. */
function useFmpOptions(enabled: boolean) {
  const points = useQuery({ queryKey: ['flows', 'points'], queryFn: flowsApi.points, enabled, staleTime: 60_000 });
  return points.data?.items.map((p) => ({ value: p.id, label: `${p.id} · ${p.name}` }));
}

/** The activity form. */
export function ActivityForm(props: RecordFormProps<ActivityValues, ActivityValues>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const label = useEnumLabel();
  const communities = useCommunityOptions();
  const campaigns = useCampaignOptions();
  const fmps = useFmpOptions(can('flow.read'));
  const form = useRecordForm<ActivityValues>(props, {
    defaults: { type: '', campaignId: '', date: today(), location: 'community', communityId: '', fmpId: '', routeName: '', routeCommune: '', facilitator: '', reachMode: 'counted', reached: EMPTY_GRID, estimate: '', materials: [], notes: '' },
    fields: FIELDS as unknown as readonly (keyof ActivityValues & string)[],
    validate: (values) => validateActivity(values, t) as FieldErrors<ActivityValues>,
  });
  const { values } = form;
  const errors = form.errors as FieldErrors<Record<FormField, unknown>>;
  const locked = form.submission.locked;
  const modes = values.type ? reachModes(values.type) : (['counted'] as const);

  const chooseType = (type: ActivityType) => {
    form.set('type', type);
    const allowed = reachModes(type);
    if (!allowed.includes(values.reachMode)) form.set('reachMode', allowed[0] ?? 'counted');
  };
  const setMaterial = (index: number, patch: Partial<{ type: string; quantity: number | '' }>) =>
    form.set('materials', values.materials.map((m, i) => (i === index ? { ...m, ...patch } : m)));

  return (
    <RecordForm form={form} cancelTo="/awareness/activities" maw={980}>
      <FieldsPanel disabled={locked}>
        <Stack gap="lg">
          <Radio.Group label={<Title order={2} size="h4">{t('awareness:activities.fields.type')}</Title>} value={values.type} onChange={(v) => chooseType(v as ActivityType)} error={errors.type} required>
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }} spacing="sm" mt="xs">
              {ACTIVITY_TYPES.map((type) => (
                <Radio.Card key={type} value={type} radius="md" p="md" withBorder style={{ minHeight: 56 }} data-checked={values.type === type || undefined}>
                  <Group wrap="nowrap" gap="sm">
                    <Radio.Indicator />
                    <Text fw={500}>{label('activityType', type)}</Text>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>

          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput size="lg" type="date" label={t('awareness:activities.fields.date')} required max={today()} value={values.date} error={errors.date} onChange={(e) => form.set('date', e.currentTarget.value)} />
            <TextInput size="lg" label={t('awareness:activities.fields.facilitator')} required value={values.facilitator} error={errors.facilitator} onChange={(e) => form.set('facilitator', e.currentTarget.value)} />
            <Select size="lg" label={t('awareness:activities.fields.campaign')} placeholder={t('awareness:activities.noCampaign')} data={campaigns} searchable clearable value={values.campaignId || null} error={errors.campaignId} onChange={(v) => form.set('campaignId', v ?? '')} />
          </SimpleGrid>

          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('awareness:activities.fields.place')}
            </Title>
            <SegmentedControl
              size="md"
              fullWidth
              value={values.location}
              onChange={(v) => form.set('location', v as LocationKind)}
              aria-label={t('awareness:activities.fields.place')}
              data={(['community', 'fmp', 'route'] as const).map((kind) => ({ value: kind, label: t(`awareness:activities.location.${kind}`) }))}
            />
            {values.location === 'community' && (
              <Select size="lg" label={t('awareness:activities.fields.community')} required searchable data={communities} value={values.communityId || null} error={errors.communityId} onChange={(v) => form.set('communityId', v ?? '')} />
            )}
            {values.location === 'fmp' &&
              (fmps ? (
                <Select size="lg" label={t('awareness:activities.fields.fmp')} required searchable data={fmps} value={values.fmpId || null} error={errors.fmpId} onChange={(v) => form.set('fmpId', v ?? '')} />
              ) : (
                <TextInput size="lg" label={t('awareness:activities.fields.fmp')} description={t('awareness:activities.fmpHint')} required value={values.fmpId} error={errors.fmpId} onChange={(e) => form.set('fmpId', e.currentTarget.value.toUpperCase())} />
              ))}
            {values.location === 'route' && (
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput size="lg" label={t('awareness:activities.fields.routeName')} description={t('awareness:activities.routeHint')} required value={values.routeName} error={errors.routeLocation} onChange={(e) => form.set('routeName', e.currentTarget.value)} />
                <CommunePicker size="lg" label={t('awareness:activities.fields.routeCommune')} required value={values.routeCommune} onChange={(v) => form.set('routeCommune', v)} />
              </SimpleGrid>
            )}
          </Stack>

          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('awareness:activities.fields.reached')}
            </Title>
            <ReachGrid
              modes={modes}
              mode={values.reachMode}
              onMode={(mode) => form.set('reachMode', mode)}
              grid={values.reached}
              onGrid={(grid) => form.set('reached', grid)}
              estimate={values.estimate}
              onEstimate={(v) => form.set('estimate', v)}
              error={errors.reached}
              disabled={locked}
            />
          </Stack>

          <Stack gap="xs">
            <Title order={2} size="h4">
              {t('awareness:activities.fields.materials')}
            </Title>
            {errors.materials && (
              <Text c="red" size="sm" role="alert">
                {errors.materials}
              </Text>
            )}
            {values.materials.map((material, index) => (
              <Group key={index} align="flex-end" wrap="nowrap">
                <TextInput size="lg" style={{ flex: 1 }} label={t('awareness:activities.materialType', { n: index + 1 })} value={material.type} onChange={(e) => setMaterial(index, { type: e.currentTarget.value })} />
                <NumberInput size="lg" w={140} label={t('awareness:activities.materialQuantity')} min={1} allowDecimal={false} allowNegative={false} value={material.quantity} onChange={(v) => setMaterial(index, { quantity: typeof v === 'number' ? v : '' })} />
                <ActionIcon size="xl" variant="subtle" color="red" aria-label={t('awareness:activities.removeMaterial', { n: index + 1 })} onClick={() => form.set('materials', values.materials.filter((_, i) => i !== index))}>
                  <IconTrash size={20} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button variant="light" size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={() => form.set('materials', [...values.materials, { type: '', quantity: 1 }])}>
                {t('awareness:activities.addMaterial')}
              </Button>
            </Group>
          </Stack>

          <Textarea size="lg" label={t('awareness:activities.fields.notes')} autosize minRows={2} maxLength={4000} value={values.notes} error={errors.notes} onChange={(e) => form.set('notes', e.currentTarget.value)} />
        </Stack>
      </FieldsPanel>
    </RecordForm>
  );
}

// /mobility/incidents/new and /:id: a free-movement incident — when and where (a border post or a
// named place on a corridor), who was involved, what happened, and who reported it. An anonymous
// report hides the reporter's name and phone and never sends them.
import { Checkbox, Group, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CORRIDORS, INCIDENT_AGENCIES, INCIDENT_TYPES, TRAVEL_DOCUMENTS, VICTIM_SEXES, type Corridor, type Incident, type IncidentAgency, type IncidentInput, type IncidentPatch, type IncidentType, type PresentedDocument, type VictimSex } from '@taama/core';
import { useAuth } from '../../../app/auth';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { today } from '../../awareness/activities/ActivityForm';
import { CommunePicker } from '../../awareness/shared';
import { useCountryOptions } from '../../flows/shared';
import { mobilityApi, mobilityKeys } from '../api';
import { reporterInput } from '../rules';
import { useBorderPostOptions, useMobilityEnum } from '../shared';

/** The form's values. */
export interface IncidentValues {
  occurredOn: string;
  where: 'borderPost' | 'place';
  borderPostId: string;
  placeName: string;
  placePcode: string;
  corridor: Corridor;
  agency: IncidentAgency;
  types: IncidentType[];
  amountDemandedXof: number | '';
  documentsPresented: PresentedDocument[];
  victimNationality: string;
  victimSex: VictimSex | '';
  victimsCount: number | '';
  anonymous: boolean;
  reporterName: string;
  reporterPhone: string;
  /** The reporter was changed in this form (a saved name the user cannot see is otherwise kept). */
  reporterChanged: boolean;
  followUp: string;
  description: string;
}
const FIELDS = ['occurredOn', 'borderPostId', 'place', 'corridor', 'agency', 'types', 'amountDemandedXof', 'documentsPresented', 'victimNationality', 'victimSex', 'victimsCount', 'reporter', 'followUp', 'description'] as const;

const RESOURCE: RecordResource<Incident, IncidentInput, IncidentPatch> = {
  api: { get: mobilityApi.incident, create: mobilityApi.createIncident, update: mobilityApi.updateIncident },
  queryKey: mobilityKeys.incident,
  listQueryKey: mobilityKeys.all,
  path: '/mobility/incidents',
};

function valuesOf(incident: Incident): IncidentValues {
  return {
    occurredOn: incident.occurredOn,
    where: incident.borderPostId ? 'borderPost' : 'place',
    borderPostId: incident.borderPostId ?? '',
    placeName: incident.place?.name ?? '',
    placePcode: incident.place?.pcode ?? '',
    corridor: incident.corridor,
    agency: incident.agency,
    types: incident.types,
    amountDemandedXof: incident.amountDemandedXof ?? '',
    documentsPresented: incident.documentsPresented,
    victimNationality: incident.victimNationality ?? '',
    victimSex: incident.victimSex ?? '',
    victimsCount: incident.victimsCount,
    anonymous: incident.reporter.anonymous,
    reporterName: incident.reporter.name ?? '',
    reporterPhone: incident.reporter.phone ?? '',
    reporterChanged: false,
    followUp: incident.followUp ?? '',
    description: incident.description ?? '',
  };
}

/** The incident the API takes from the form (exactly one of a border post or a place). */
export function incidentInput(values: IncidentValues): IncidentInput {
  return {
    occurredOn: values.occurredOn,
    ...(values.where === 'borderPost' ? { borderPostId: values.borderPostId } : { place: { name: values.placeName.trim(), pcode: values.placePcode || null } }),
    corridor: values.corridor,
    agency: values.agency,
    types: values.types,
    amountDemandedXof: values.amountDemandedXof === '' ? null : values.amountDemandedXof,
    documentsPresented: values.documentsPresented,
    victimNationality: values.victimNationality || null,
    victimSex: values.victimSex || null,
    victimsCount: values.victimsCount === '' ? 1 : values.victimsCount,
    reporter: reporterInput(values.anonymous, values.reporterName, values.reporterPhone),
    followUp: values.followUp.trim() || null,
    description: values.description.trim() || null,
  };
}

/** The changes to send: the reporter only when this form changed it. */
export function incidentPatch(values: IncidentValues): IncidentPatch {
  const { reporter, ...rest } = incidentInput(values);
  return values.reporterChanged ? { ...rest, reporter } : rest;
}

function IncidentForm(props: RecordFormProps<IncidentValues, IncidentValues>) {
  const { t } = useTranslation();
  const posts = useBorderPostOptions();
  const corridors = useMobilityEnum('corridor', CORRIDORS);
  const agencies = useMobilityEnum('agency', INCIDENT_AGENCIES);
  const types = useMobilityEnum('incidentType', INCIDENT_TYPES);
  const documents = useMobilityEnum('document', TRAVEL_DOCUMENTS);
  const sexes = useMobilityEnum('victimSex', VICTIM_SEXES);
  const countries = useCountryOptions();
  const form = useRecordForm<IncidentValues>(props, {
    defaults: {
      occurredOn: today(), where: 'borderPost', borderPostId: '', placeName: '', placePcode: '', corridor: 'bamako_dakar', agency: 'police', types: [], amountDemandedXof: '', documentsPresented: [], victimNationality: '', victimSex: '', victimsCount: 1,
      anonymous: true, reporterName: '', reporterPhone: '', reporterChanged: true, followUp: '', description: '',
    },
    fields: FIELDS as unknown as readonly (keyof IncidentValues & string)[],
    validate: (values) => {
      const required = t('common:fieldMessages.required');
      const found: Record<string, string> = {};
      if (!values.occurredOn) found.occurredOn = required;
      else if (values.occurredOn > today()) found.occurredOn = t('mobility:incidents.errors.future');
      if (values.where === 'borderPost' && !values.borderPostId) found.borderPostId = required;
      if (values.where === 'place' && !values.placeName.trim()) found.place = required;
      if (values.types.length === 0) found.types = t('mobility:incidents.errors.types');
      if (values.victimsCount === '' || values.victimsCount < 1) found.victimsCount = t('mobility:incidents.errors.victims');
      return found as FieldErrors<IncidentValues>;
    },
  });
  const { values } = form;
  const errors = form.errors as Record<string, string | undefined>;
  const setReporter = (patch: Partial<Pick<IncidentValues, 'anonymous' | 'reporterName' | 'reporterPhone'>>) => form.setValues((current) => ({ ...current, ...patch, reporterChanged: true }));
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={920}>
      <FieldsPanel disabled={form.submission.locked}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="md" type="date" label={t('mobility:incidents.fields.occurredOn')} required max={today()} value={values.occurredOn} error={errors.occurredOn} onChange={(e) => form.set('occurredOn', e.currentTarget.value)} />
            <Select size="md" label={t('mobility:incidents.fields.corridor')} data={corridors} allowDeselect={false} value={values.corridor} error={errors.corridor} onChange={(v) => v && form.set('corridor', v as Corridor)} />
          </SimpleGrid>
          <SegmentedControl value={values.where} onChange={(v) => form.set('where', v === 'place' ? 'place' : 'borderPost')} aria-label={t('mobility:incidents.fields.place')} data={[{ value: 'borderPost', label: t('mobility:incidents.where.borderPost') }, { value: 'place', label: t('mobility:incidents.where.place') }]} />
          {values.where === 'borderPost' ? (
            <Select size="md" label={t('mobility:incidents.fields.borderPost')} data={posts} searchable required value={values.borderPostId || null} error={errors.borderPostId} onChange={(v) => form.set('borderPostId', v ?? '')} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput size="md" label={t('mobility:incidents.fields.placeName')} required value={values.placeName} error={errors.place} onChange={(e) => form.set('placeName', e.currentTarget.value)} />
              <CommunePicker size="md" label={t('mobility:incidents.fields.placePcode')} value={values.placePcode} onChange={(v) => form.set('placePcode', v)} />
            </SimpleGrid>
          )}
          <Select size="md" label={t('mobility:incidents.fields.agency')} data={agencies} allowDeselect={false} value={values.agency} error={errors.agency} onChange={(v) => v && form.set('agency', v as IncidentAgency)} />
          <Checkbox.Group label={t('mobility:incidents.fields.types')} required value={values.types} error={errors.types} onChange={(v) => form.set('types', v as IncidentType[])}>
            <Group mt="xs" gap="md">
              {types.map((o) => (
                <Checkbox key={o.value} size="md" value={o.value} label={o.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput size="md" label={t('mobility:incidents.fields.amountDemandedXof')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" " suffix=" XOF" value={values.amountDemandedXof} error={errors.amountDemandedXof} onChange={(v) => form.set('amountDemandedXof', typeof v === 'number' ? v : '')} />
            <NumberInput size="md" label={t('mobility:incidents.fields.victimsCount')} min={1} allowDecimal={false} allowNegative={false} required value={values.victimsCount} error={errors.victimsCount} onChange={(v) => form.set('victimsCount', typeof v === 'number' ? v : '')} />
            <Select size="md" label={t('mobility:incidents.fields.victimSex')} data={sexes} clearable value={values.victimSex || null} error={errors.victimSex} onChange={(v) => form.set('victimSex', (v ?? '') as VictimSex | '')} />
          </SimpleGrid>
          <Select size="md" label={t('mobility:incidents.fields.victimNationality')} data={countries} searchable clearable value={values.victimNationality || null} error={errors.victimNationality} onChange={(v) => form.set('victimNationality', v ?? '')} />
          <Checkbox.Group label={t('mobility:incidents.fields.documentsPresented')} value={values.documentsPresented} error={errors.documentsPresented} onChange={(v) => form.set('documentsPresented', v as PresentedDocument[])}>
            <Group mt="xs" gap="md">
              {documents.map((o) => (
                <Checkbox key={o.value} size="md" value={o.value} label={o.label} />
              ))}
            </Group>
          </Checkbox.Group>
          <Title order={2} size="h5">
            {t('mobility:incidents.fields.reporter')}
          </Title>
          <Switch size="md" label={t('mobility:incidents.anonymousToggle')} description={t('mobility:incidents.anonymousHint')} checked={values.anonymous} onChange={(e) => setReporter({ anonymous: e.currentTarget.checked })} />
          {!values.anonymous && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput size="md" label={t('mobility:incidents.fields.reporterName')} value={values.reporterName} error={errors.reporter} onChange={(e) => setReporter({ reporterName: e.currentTarget.value })} />
              <TextInput size="md" type="tel" label={t('mobility:incidents.fields.reporterPhone')} value={values.reporterPhone} onChange={(e) => setReporter({ reporterPhone: e.currentTarget.value })} />
            </SimpleGrid>
          )}
          {!values.anonymous && !values.reporterChanged && !values.reporterName && (
            <Text size="sm" c="dimmed">
              {t('mobility:incidents.reporterHidden')}
            </Text>
          )}
          <Textarea size="md" label={t('mobility:incidents.fields.description')} autosize minRows={2} maxLength={4000} value={values.description} error={errors.description} onChange={(e) => form.set('description', e.currentTarget.value)} />
          <Textarea size="md" label={t('mobility:incidents.fields.followUp')} autosize minRows={2} maxLength={4000} value={values.followUp} error={errors.followUp} onChange={(e) => form.set('followUp', e.currentTarget.value)} />
        </Stack>
      </FieldsPanel>
    </RecordForm>
  );
}

/** Shows the saved incident in the form's terms. */
function IncidentRecordForm(props: RecordFormProps<Incident, IncidentValues>) {
  return <IncidentForm {...props} record={props.record ? valuesOf(props.record) : undefined} />;
}

/** The incident page (create or edit). */
export default function IncidentFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={IncidentRecordForm}
      toInput={incidentInput}
      toPatch={(_record, values) => incidentPatch(values)}
      readOnly={!can('mobility.manage')}
      backLabel={t('mobility:incidents.title')}
      createTitle={t('mobility:incidents.createTitle')}
      editTitle={(i) => t('mobility:incidents.editTitle', { date: i.occurredOn, place: i.borderPostName ?? i.place?.name ?? '' })}
      createdMessage={() => t('mobility:incidents.created')}
      savedMessage={() => t('mobility:incidents.saved')}
    />
  );
}

// /awareness/campaigns/new and /:id: a campaign — theme, period, partner, messages in French and local
// languages, channels and the communities it targets.
import { ActionIcon, Button, Checkbox, Group, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../../app/auth';
import { organisationsApi } from '../../../api/endpoints';
import type { FieldErrors } from '../../../components/forms';
import { FieldsPanel, RecordForm, useRecordForm, type RecordFormProps } from '../../../components/RecordForm';
import { RecordFormPage, type RecordResource } from '../../../components/recordPages';
import { awarenessApi, awarenessKeys, CAMPAIGN_THEMES, CHANNELS, MESSAGE_LANGUAGES, type Campaign, type CampaignInput, type CampaignPatch, type CampaignTheme, type Channel, type MessageLanguage } from '../api';
import { useAwarenessEnum, useCommunityOptions } from '../shared';

interface Values {
  name: string;
  theme: CampaignTheme;
  startsOn: string;
  endsOn: string;
  partnerOrganisationId: string;
  messages: { language: MessageLanguage; text: string }[];
  channels: Channel[];
  targetCommunityIds: string[];
}
const FIELDS = ['name', 'theme', 'startsOn', 'endsOn', 'partnerOrganisationId', 'messages', 'channels', 'targetCommunityIds'] as const;

const RESOURCE: RecordResource<Campaign, CampaignInput, CampaignPatch> = {
  api: { get: awarenessApi.campaign, create: awarenessApi.createCampaign, update: awarenessApi.updateCampaign },
  queryKey: awarenessKeys.campaign,
  listQueryKey: awarenessKeys.campaigns,
  path: '/awareness/campaigns',
};

/** The partner organisations, for those who may list them. */
function usePartnerOptions(enabled: boolean) {
  const organisations = useQuery({ queryKey: ['organisations', 'all'], queryFn: () => organisationsApi.list({ limit: 200 }), enabled, staleTime: 300_000 });
  return organisations.data?.items.map((o) => ({ value: o.id, label: o.name }));
}

/** The campaign form. */
function CampaignForm(props: RecordFormProps<Campaign, Values>) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const themes = useAwarenessEnum('theme', CAMPAIGN_THEMES);
  const languages = useAwarenessEnum('language', MESSAGE_LANGUAGES);
  const channels = useAwarenessEnum('channel', CHANNELS);
  const communities = useCommunityOptions();
  const partners = usePartnerOptions(can('organisation.read'));
  const form = useRecordForm<Values>(
    { ...props, record: props.record ? { ...props.record, partnerOrganisationId: props.record.partnerOrganisationId ?? '' } : undefined },
    {
      defaults: { name: '', theme: 'irregular_migration_risks', startsOn: '', endsOn: '', partnerOrganisationId: '', messages: [{ language: 'fr', text: '' }], channels: [], targetCommunityIds: [] },
      fields: FIELDS,
      validate: (values) => {
        const required = t('common:fieldMessages.required');
        const found: FieldErrors<Values> = {};
        if (!values.name.trim()) found.name = required;
        if (!values.startsOn) found.startsOn = required;
        if (!values.endsOn) found.endsOn = required;
        else if (values.startsOn && values.endsOn < values.startsOn) found.endsOn = t('awareness:campaigns.errors.endsBeforeStart');
        return found;
      },
    },
  );
  const { values, errors } = form;
  const setMessage = (index: number, patch: Partial<Values['messages'][number]>) => form.set('messages', values.messages.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <RecordForm form={form} cancelTo={RESOURCE.path} maw={880}>
      <FieldsPanel disabled={form.submission.locked}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput size="md" label={t('awareness:campaigns.fields.name')} required value={values.name} error={errors.name} onChange={(e) => form.set('name', e.currentTarget.value)} />
            <Select size="md" label={t('awareness:campaigns.fields.theme')} data={themes} allowDeselect={false} value={values.theme} error={errors.theme} onChange={(v) => v && form.set('theme', v as CampaignTheme)} />
            <TextInput size="md" type="date" label={t('awareness:campaigns.fields.startsOn')} required value={values.startsOn} error={errors.startsOn} onChange={(e) => form.set('startsOn', e.currentTarget.value)} />
            <TextInput size="md" type="date" label={t('awareness:campaigns.fields.endsOn')} required value={values.endsOn} error={errors.endsOn} onChange={(e) => form.set('endsOn', e.currentTarget.value)} />
            {partners && <Select size="md" label={t('awareness:campaigns.fields.partner')} data={partners} searchable clearable value={values.partnerOrganisationId || null} error={errors.partnerOrganisationId} onChange={(v) => form.set('partnerOrganisationId', v ?? '')} />}
            <MultiSelect size="md" label={t('awareness:campaigns.fields.targetCommunities')} data={communities} searchable value={values.targetCommunityIds} error={errors.targetCommunityIds} onChange={(v) => form.set('targetCommunityIds', v)} />
          </SimpleGrid>
          <Checkbox.Group label={t('awareness:campaigns.fields.channels')} value={values.channels} error={errors.channels} onChange={(v) => form.set('channels', v as Channel[])}>
            <Group mt="xs" gap="md">
              {channels.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} size="md" />
              ))}
            </Group>
          </Checkbox.Group>
          <Title order={2} size="h5">
            {t('awareness:campaigns.fields.messages')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('awareness:campaigns.messagesHint')}
          </Text>
          {errors.messages && (
            <Text c="red" size="sm" role="alert">
              {errors.messages}
            </Text>
          )}
          {values.messages.map((message, index) => (
            <Group key={index} align="flex-start" wrap="nowrap">
              <Select w={170} label={t('awareness:campaigns.messageLanguage', { n: index + 1 })} data={languages} allowDeselect={false} value={message.language} onChange={(v) => v && setMessage(index, { language: v as MessageLanguage })} />
              <Textarea style={{ flex: 1 }} label={t('awareness:campaigns.messageText', { n: index + 1 })} autosize minRows={2} maxLength={2000} value={message.text} onChange={(e) => setMessage(index, { text: e.currentTarget.value })} />
              <ActionIcon mt={28} size="lg" variant="subtle" color="red" aria-label={t('awareness:campaigns.removeMessage', { n: index + 1 })} onClick={() => form.set('messages', values.messages.filter((_, i) => i !== index))}>
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="subtle" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => form.set('messages', [...values.messages, { language: 'bm', text: '' }])}>
              {t('awareness:campaigns.addMessage')}
            </Button>
          </Group>
        </Stack>
      </FieldsPanel>
    </RecordForm>
  );
}

function inputOf(values: Values): CampaignInput {
  return {
    name: values.name.trim(),
    theme: values.theme,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    partnerOrganisationId: values.partnerOrganisationId || null,
    messages: values.messages.filter((m) => m.text.trim()).map((m) => ({ language: m.language, text: m.text.trim() })),
    channels: values.channels,
    targetCommunityIds: values.targetCommunityIds,
  };
}

/** The campaign page (create or edit). */
export default function CampaignFormPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  return (
    <RecordFormPage
      resource={RESOURCE}
      Form={CampaignForm}
      toInput={inputOf}
      toPatch={(_campaign, values) => inputOf(values)}
      readOnly={!can('awareness.manage')}
      backLabel={t('awareness:campaigns.title')}
      createTitle={t('awareness:campaigns.createTitle')}
      editTitle={(c) => c.name}
      createdMessage={(c) => t('awareness:campaigns.created', { name: c.name })}
      savedMessage={(c) => t('awareness:campaigns.saved', { name: c.name })}
    />
  );
}

// Referrals of a case: the form (internal to the case's organisation, or external to a partner the
// person consented to share with), and the referrals with their answers. A refusal for want of
// consent is said plainly on the organisation field.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REFERRAL_SERVICES, type ReferralKind, type ReferralService, type TransitCase } from '@taama/core';
import { ApiError } from '../../../api/client';
import { FormErrorAlert } from '../../../components/forms';
import { EmptyState } from '../../../components/States';
import { useOrganisations } from '../../admin/shared';
import { peopleApi, registryKeys } from '../../registry/api';
import { fieldError, formatDay, today, useCodeOptions } from '../../registry/shared';
import { casesApi } from '../api';
import { ReferralResponseForm } from '../ReferralResponseForm';
import { ReferralStatusBadge } from '../shared';
import { useCaseRefresh } from './useCaseRefresh';

/** Organisations a referral can go to: those the person consented to share with, and all for those who may list them. */
function useReceivers(personId: string) {
  const person = useQuery({ queryKey: registryKeys.person(personId), queryFn: () => peopleApi.get(personId) });
  const all = useOrganisations();
  const options = new Map<string, string>();
  for (const consent of person.data?.consents ?? []) {
    if (consent.kind === 'data_sharing' && !consent.withdrawnOn && consent.organisationId) options.set(consent.organisationId, consent.organisationName ?? consent.organisationId);
  }
  for (const org of all.data ?? []) if (!options.has(org.id)) options.set(org.id, org.name);
  return [...options].map(([value, label]) => ({ value, label }));
}

/** Makes a referral. */
function ReferralForm({ transitCase: c }: { transitCase: TransitCase }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh(c);
  const services = useCodeOptions('protection', 'referralService', REFERRAL_SERVICES);
  const receivers = useReceivers(c.person.id);
  const [kind, setKind] = useState<ReferralKind>('internal');
  const [service, setService] = useState<ReferralService>('avr');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [dueDate, setDueDate] = useState('');
  const refer = useMutation({
    mutationFn: () =>
      casesApi.refer(c.id, {
        kind,
        service,
        ...(kind === 'external' && to ? { toOrganisationId: to } : {}),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(dueDate ? { dueDate } : {}),
      }),
    onSuccess: () => {
      setReason('');
      setDueDate('');
      refresh();
    },
  });
  const noConsent = refer.error instanceof ApiError && refer.error.status === 422 && 'toOrganisationId' in refer.error.fields;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    refer.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('protection:referrals.new')}>
      <Stack gap="sm">
        <Title order={2} size="h4">{t('protection:referrals.new')}</Title>
        {noConsent ? (
          <Alert color="red" role="alert" title={t('protection:referrals.noConsentTitle')}>
            {t('protection:referrals.noConsent')}
          </Alert>
        ) : (
          <FormErrorAlert error={refer.error} />
        )}
        <Stack gap={4}>
          <Text size="sm" fw={500} id="referral-kind-label">{t('protection:referrals.kind')}</Text>
          <SegmentedControl
            aria-labelledby="referral-kind-label"
            w="fit-content"
            data={[
              { value: 'internal', label: t('protection:codes.referralKind.internal') },
              { value: 'external', label: t('protection:codes.referralKind.external') },
            ]}
            value={kind}
            onChange={(v) => setKind(v as ReferralKind)}
          />
        </Stack>
        <Group align="flex-start" wrap="wrap">
          <NativeSelect label={t('protection:referrals.columns.service')} data={services} value={service} onChange={(e) => setService(e.currentTarget.value as ReferralService)} />
          {kind === 'external' && (
            <Select
              label={t('protection:referrals.columns.to')}
              required
              searchable
              data={receivers}
              value={to || null}
              onChange={(v) => setTo(v ?? '')}
              nothingFoundMessage={t('protection:referrals.noReceivers')}
              error={noConsent ? t('protection:referrals.noConsentField') : fieldError(t, refer.error, 'toOrganisationId')}
              w={260}
            />
          )}
          <TextInput type="date" label={t('protection:referrals.columns.due')} value={dueDate} min={today()} onChange={(e) => setDueDate(e.currentTarget.value)} error={fieldError(t, refer.error, 'dueDate')} w={170} />
        </Group>
        <Textarea label={t('protection:referrals.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} maxLength={2000} />
        <Button type="submit" loading={refer.isPending} w="fit-content" disabled={kind === 'external' && !to}>{t('protection:referrals.submit')}</Button>
      </Stack>
    </form>
  );
}

/** The referrals tab. */
export function ReferralsSection({ transitCase: c }: { transitCase: TransitCase }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      {c.abilities.refer && c.status !== 'closed' && (
        <Paper withBorder p="lg">
          <ReferralForm transitCase={c} />
        </Paper>
      )}
      {c.referrals.length === 0 ? (
        <EmptyState title={t('protection:referrals.none')} />
      ) : (
        c.referrals.map((r) => (
          <Paper key={r.id} withBorder p="sm">
            <Group justify="space-between">
              <Text fw={600} size="sm">
                {t(`protection:codes.referralService.${r.service}`)} · {t(`protection:codes.referralKind.${r.kind}`)} → {r.toOrganisationName}
              </Text>
              <Group gap={4}><ReferralStatusBadge status={r.status} overdue={r.overdue} /></Group>
            </Group>
            <Text size="xs" c="dimmed" mb={4}>
              {t('protection:referrals.sentOn', { date: formatDay(r.referredOn, i18n.language) })}
              {r.dueDate ? ` · ${t('protection:referrals.dueOn', { date: formatDay(r.dueDate, i18n.language) })}` : ''}
            </Text>
            <ReferralResponseForm referral={r} />
          </Paper>
        ))
      )}
    </Stack>
  );
}

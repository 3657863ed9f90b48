// A referral's details, and for the receiving organisation the answer: the next status and feedback,
// sent with the version it read (a stale answer is refused and says so).
import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Referral, ReferralStatus } from '@taama/core';
import { formatDateTime } from '../../app/format';
import { FormErrorAlert } from '../../components/forms';
import { protectionKeys, referralsApi } from './api';

/** What was asked, what was answered, and the answer form when this user may respond. */
export function ReferralResponseForm({ referral }: { referral: Referral }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const next = referral.abilities.nextStatuses;
  const [status, setStatus] = useState<ReferralStatus | ''>(next[0] ?? '');
  const [feedback, setFeedback] = useState('');
  const respond = useMutation({
    mutationFn: () => referralsApi.respond(referral.id, referral.version, { status: status as ReferralStatus, ...(feedback.trim() ? { feedback: feedback.trim() } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: protectionKeys.referrals });
      void queryClient.invalidateQueries({ queryKey: protectionKeys.case(referral.transitCaseId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (status) respond.mutate();
  };
  return (
    <Stack gap="xs">
      <Text size="sm">
        <strong>{t('protection:referrals.reason')} :</strong> {referral.reason ?? '—'}
      </Text>
      {referral.feedback && (
        <Text size="sm">
          <strong>{t('protection:referrals.feedback')} :</strong> {referral.feedback} — {referral.respondedBy ?? ''} {formatDateTime(referral.respondedAt, i18n.language)}
        </Text>
      )}
      {referral.abilities.respond && next.length > 0 && (
        <form onSubmit={submit}>
          <Stack gap="xs" maw={520}>
            <FormErrorAlert error={respond.error} onReload={() => void queryClient.invalidateQueries({ queryKey: protectionKeys.referrals })} />
            <Group align="flex-end">
              <NativeSelect
                label={t('protection:referrals.answer')}
                data={next.map((s) => ({ value: s, label: t(`protection:codes.referralStatus.${s}`) }))}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as ReferralStatus)}
              />
              <Button type="submit" loading={respond.isPending}>{t('protection:referrals.send')}</Button>
            </Group>
            <Textarea label={t('protection:referrals.feedback')} value={feedback} onChange={(e) => setFeedback(e.currentTarget.value)} autosize minRows={2} maxLength={4000} />
          </Stack>
        </form>
      )}
    </Stack>
  );
}

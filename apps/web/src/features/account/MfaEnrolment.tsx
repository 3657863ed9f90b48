// Two-factor enrolment: a new secret as a QR code (and as text), confirmed with a current code; then
// the recovery codes, shown once.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { MfaEnrolment as Enrolment } from '@taama/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { describeError } from '../../app/errors';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { securityApi } from './api';

/** Runs the enrolment from "start" to the recovery codes; `onDone` once the user has saved them. */
export function MfaEnrolment({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(['account', 'common']);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setPending(true);
    setError(null);
    try {
      setEnrolment(await securityApi.enrol());
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setPending(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      setCodes((await securityApi.confirm(code.trim())).recoveryCodes);
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 400 ? t('account:enrol.wrongCode') : describeError(t, failure));
      setCode('');
    } finally {
      setPending(false);
    }
  };

  if (codes) return <RecoveryCodesPanel codes={codes} onDone={onDone} />;
  const alert = error && <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden />}>{error}</Alert>;
  if (!enrolment) {
    return (
      <Stack gap="sm">
        {alert}
        <Text size="sm">{t('account:mfa.explain')}</Text>
        <Group><Button onClick={() => void start()} loading={pending}>{t('account:enrol.start')}</Button></Group>
      </Stack>
    );
  }
  // The SVG comes from our server; shown as an image, so nothing in it can run.
  const qr = `data:image/svg+xml;base64,${window.btoa(enrolment.qrSvg)}`;
  return (
    <form onSubmit={(event) => void confirm(event)} noValidate>
      <Stack gap="sm">
        {alert}
        <Text size="sm">{t('account:enrol.step1')}</Text>
        <Image src={qr} alt={t('account:enrol.qrAlt')} w={200} h={200} fit="contain" />
        <Text size="sm">{t('account:enrol.manual')} <Code>{enrolment.secret}</Code></Text>
        <Text size="xs" c="dimmed">{t('account:enrol.shownOnce')}</Text>
        <TextInput
          label={t('account:enrol.step2')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          w={200}
          data-autofocus
        />
        <Group><Button type="submit" loading={pending} disabled={code.length !== 6}>{t('account:enrol.confirm')}</Button></Group>
      </Stack>
    </form>
  );
}

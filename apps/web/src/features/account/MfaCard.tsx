// The two-factor section of the account security page: status, turning it on, new recovery codes,
// turning it off (when no role requires it).
import { useState, type FormEvent } from 'react';
import { Alert, Badge, Button, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { describeError } from '../../app/errors';
import { ErrorState, LoadingState } from '../../components/States';
import { MfaEnrolment } from './MfaEnrolment';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { accountKeys, securityApi } from './api';

/** The two-factor card. */
export function MfaCard() {
  const { t } = useTranslation(['account', 'common']);
  const client = useQueryClient();
  const { refresh } = useAuth();
  const query = useQuery({ queryKey: accountKeys.mfa, queryFn: securityApi.mfa });
  const [mode, setMode] = useState<'idle' | 'enrol' | 'codes' | 'disable'>('idle');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [fresh, setFresh] = useState<string[] | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = async () => {
    setMode('idle');
    setFresh(null);
    setCode('');
    setPassword('');
    await client.invalidateQueries({ queryKey: accountKeys.mfa });
    await client.invalidateQueries({ queryKey: accountKeys.sessions });
    await refresh();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      if (mode === 'codes') setFresh((await securityApi.recoveryCodes(code.trim())).recoveryCodes);
      else {
        await securityApi.disable(password, code.trim());
        notifications.show({ color: 'green', message: t('account:mfa.disabled') });
        await reload();
      }
    } catch (failure) {
      setError(describeError(t, failure));
    } finally {
      setPending(false);
    }
  };

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const status = query.data;
  return (
    <Stack gap="sm">
      <Group gap="sm">
        <Title order={2} size="h4">{t('account:mfa.title')}</Title>
        <Badge color={status.enabled ? 'green' : 'gray'}>{status.enabled ? t('account:mfa.on') : t('account:mfa.off')}</Badge>
        {status.required && <Badge color="indigo" variant="light">{t('account:mfa.required')}</Badge>}
      </Group>
      {error && <Alert color="red" variant="light" role="alert">{error}</Alert>}
      {fresh && <RecoveryCodesPanel codes={fresh} onDone={() => void reload()} />}
      {!status.enabled && mode !== 'enrol' && (
        <>
          <Text size="sm">{t('account:mfa.explain')}</Text>
          <Group><Button onClick={() => setMode('enrol')}>{t('account:mfa.enable')}</Button></Group>
        </>
      )}
      {!status.enabled && mode === 'enrol' && <MfaEnrolment onDone={() => void reload()} />}
      {status.enabled && !fresh && (
        <>
          <Text size="sm">{t('account:mfa.recoveryLeft', { count: status.recoveryCodesLeft })}</Text>
          {mode === 'idle' ? (
            <Group>
              <Button variant="light" onClick={() => setMode('codes')}>{t('account:mfa.newRecoveryCodes')}</Button>
              {!status.required && <Button variant="light" color="red" onClick={() => setMode('disable')}>{t('account:mfa.disable')}</Button>}
            </Group>
          ) : (
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Stack gap="xs" maw={320}>
                {mode === 'disable' && <PasswordInput label={t('account:mfa.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />}
                <TextInput label={t('account:mfa.codeToConfirm')} value={code} onChange={(e) => setCode(e.currentTarget.value)} inputMode="numeric" autoComplete="one-time-code" data-autofocus />
                <Group>
                  <Button type="submit" loading={pending} disabled={code.trim().length < 6 || (mode === 'disable' && password === '')} color={mode === 'disable' ? 'red' : undefined}>
                    {mode === 'disable' ? t('account:mfa.disable') : t('account:mfa.newRecoveryCodes')}
                  </Button>
                  <Button variant="default" onClick={() => setMode('idle')}>{t('account:cancel')}</Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      )}
    </Stack>
  );
}

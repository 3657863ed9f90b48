// Sign-in step 2, when two-step verification is on: the code from the authenticator app or a
// recovery code. Wrong codes count toward the account lockout like wrong passwords.
import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { describeError, lockoutMinutes } from '../../app/errors';

function codeErrorMessage(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'mfa_challenge_invalid') return t('account:codeStep.expired');
    if (error.status === 401) return t('account:codeStep.invalid');
    if (error.code === 'too_many_attempts') {
      const minutes = lockoutMinutes(error);
      return minutes !== undefined ? t('auth:login.locked', { count: minutes }) : error.message;
    }
  }
  return describeError(t, error);
}

/** The code form; `onBack` returns to the password form (also when the challenge expired). */
export function CodeStep({ challenge, onBack }: { challenge: string; onBack: () => void }) {
  const { t } = useTranslation(['account', 'auth', 'common']);
  const { loginWithCode } = useAuth();
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      await loginWithCode(challenge, code.trim());
    } catch (failure) {
      setError(failure);
      setCode('');
      setPending(false);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="code-title">
      <Stack gap="md">
        <div>
          <Title order={1} size="h2" id="code-title">{t('account:codeStep.title')}</Title>
          <Text size="sm" c="dimmed" mt={4}>{t('account:codeStep.description')}</Text>
        </div>
        {error !== null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {codeErrorMessage(t, error)}
          </Alert>
        )}
        <TextInput
          label={t('account:codeStep.code')}
          description={t('account:codeStep.codeHint')}
          name="code"
          autoComplete="one-time-code"
          inputMode="text"
          autoCapitalize="none"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          autoFocus
        />
        <Button type="submit" loading={pending} disabled={code.trim().length < 6} fullWidth>
          {t('account:codeStep.submit')}
        </Button>
        <Button variant="subtle" onClick={onBack}>{t('account:codeStep.back')}</Button>
      </Stack>
    </form>
  );
}

// Sign-in: username and password, with the reason when it fails (wrong password, disabled, locked).
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../../api/client';
import { useAuth } from '../../app/auth';
import { describeError, lockoutMinutes } from '../../app/errors';
import { AuthLayout } from './AuthLayout';
import { CodeStep } from './CodeStep';

function loginErrorMessage(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return t('auth:login.invalidCredentials');
    if (error.code === 'account_disabled') return t('auth:login.disabled');
    if (error.code === 'too_many_attempts') {
      const minutes = lockoutMinutes(error);
      return minutes !== undefined ? t('auth:login.locked', { count: minutes }) : error.message;
    }
  }
  return describeError(t, error);
}

/** Where to go after signing in: back where the user was sent from, or home. */
function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')) return from;
  }
  return '/';
}

/** The sign-in page. */
export function LoginPage() {
  const { t } = useTranslation();
  const { state, login } = useAuth();
  const location = useLocation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // Set when the password was right and two-step verification asks for a code next.
  const [challenge, setChallenge] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${t('auth:login.title')} · Taama`;
  }, [t]);

  if (state.status === 'authenticated') return <Navigate to={returnPath(location.state)} replace />;
  const notice = state.status === 'anonymous' ? state.notice : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    try {
      const result = await login(username.trim(), password);
      if ('mfaRequired' in result) {
        setChallenge(result.challenge);
        setPassword('');
        setPending(false);
      }
    } catch (failure) {
      setError(failure);
      setPassword('');
      setPending(false);
    }
  };

  if (challenge) {
    return (
      <AuthLayout>
        <CodeStep challenge={challenge} onBack={() => setChallenge(null)} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="login-title">
        <Stack gap="md">
          <div>
            <Title order={1} size="h2" id="login-title">
              {t('auth:login.title')}
            </Title>
            <Text size="sm" c="dimmed" mt={4}>
              {t('auth:login.subtitle')}
            </Text>
          </div>
          {notice && !error && (
            <Alert color={notice === 'session_expired' || notice === 'offline' ? 'orange' : 'blue'} variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              {notice === 'session_expired' ? t('auth:login.sessionExpired') : notice === 'offline' ? t('auth:login.offlineNotice') : t('auth:login.loggedOut')}
            </Alert>
          )}
          {error !== null && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {loginErrorMessage(t, error)}
            </Alert>
          )}
          <TextInput
            label={t('auth:login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            data-autofocus
            autoFocus
          />
          <PasswordInput
            label={t('auth:login.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button type="submit" loading={pending} disabled={username.trim() === '' || password === ''} fullWidth>
            {t('auth:login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}

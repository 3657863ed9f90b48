// Route guards: signed in (or off to the sign-in page), password changed when required, and the
// area or permission a page needs. The server enforces all of this too; these only avoid dead ends.
import type { ReactNode } from 'react';
import { Button, Center, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router';
import type { AreaCode, Permission } from '@taama/core';
import { useAuth, useMe } from './auth';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { ForcedMfaPage } from '../features/account/ForcedMfaPage';

/** Shows its children to a signed-in user who has a personal password (and two-step verification where required); otherwise what comes first. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { state, retry } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  switch (state.status) {
    case 'loading':
      return <LoadingState />;
    case 'unavailable':
      return (
        <Center p="xl">
          <Stack maw={480}>
            <ErrorState error={state.error} title={t('common:errors.network')} onRetry={retry} />
          </Stack>
        </Center>
      );
    case 'anonymous':
      return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
    case 'authenticated':
      if (state.me.mustChangePassword) return <ChangePasswordPage forced />;
      // A role that requires two-step verification: set it up before anything else.
      return state.me.mfa?.mustEnrol ? <ForcedMfaPage /> : <>{children}</>;
  }
}

/** The page a user sees where their role does not reach. */
export function NoAccess() {
  const { t } = useTranslation();
  return <EmptyState title={t('common:noAccess.title')} description={t('common:noAccess.description')} icon={<IconLock size={28} aria-hidden />} />;
}

/** Opens its children only for users whose areas include `area`. */
export function RequireArea({ area, children }: { area: AreaCode; children: ReactNode }) {
  const me = useMe();
  return me.areas.includes(area) ? <>{children}</> : <NoAccess />;
}

/** Opens its children only for users holding `permission`. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  return me.permissions.includes(permission) ? <>{children}</> : <NoAccess />;
}

/** The "page not found" page inside the shell. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      title={t('common:notFound.title')}
      description={t('common:notFound.description')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('common:notFound.home')}
        </Button>
      }
    />
  );
}

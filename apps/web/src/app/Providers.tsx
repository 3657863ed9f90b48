// Everything the app needs around it: theme, notifications, server-state cache, translations, auth.
import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { AuthProvider, type AuthState } from './auth';
import i18n from './i18n';
import { cssVariablesResolver, theme } from './theme';

interface ProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** Tests start from a known state and without transitions or portals. */
  initialAuth?: AuthState;
  env?: 'default' | 'test';
}

/** The providers, outermost first. */
export function Providers({ queryClient, children, initialAuth, env = 'default' }: ProvidersProps) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" env={env}>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <I18nextProvider i18n={i18n}>
          <AuthProvider initialState={initialAuth}>{children}</AuthProvider>
        </I18nextProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

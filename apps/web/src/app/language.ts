// Changing the interface language: on this device at once, and in the user's profile when signed in.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { Locale } from '@taama/core';
import { authApi } from '../api/endpoints';
import { useAuth } from './auth';
import { applyLocale, asLocale, DEFAULT_LOCALE } from './i18n';

/** The current language and a function that switches it (and saves it to the profile). */
export function useLanguage(): { locale: Locale; setLocale: (locale: Locale) => Promise<void> } {
  const { i18n, t } = useTranslation();
  const { me, updateMe } = useAuth();
  const locale = asLocale(i18n.language) ?? DEFAULT_LOCALE;

  const setLocale = useCallback(
    async (next: Locale) => {
      await applyLocale(next);
      if (!me || me.locale === next) return;
      try {
        updateMe(await authApi.setLocale(next));
      } catch {
        notifications.show({ color: 'yellow', message: t('common:language.saveFailed') });
      }
    },
    [me, updateMe, t],
  );
  return { locale, setLocale };
}

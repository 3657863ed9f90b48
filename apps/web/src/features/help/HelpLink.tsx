// The header's help link: opens the guide page of the task done on the current screen, in the
// interface language, in a new tab so a half-filled form is not lost.
import { Button } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { asLocale, DEFAULT_LOCALE } from '../../app/i18n';
import './helpI18n';
import { helpPath, topicFor } from './topics';

/** A link to the help page matching the current route. */
export function HelpLink() {
  const { t, i18n } = useTranslation('help');
  const { pathname } = useLocation();
  const language = asLocale(i18n.language) ?? DEFAULT_LOCALE;
  const topic = topicFor(pathname);
  return (
    <Button
      component="a"
      href={helpPath(language, topic)}
      target="_blank"
      rel="noopener"
      variant="subtle"
      size="compact-sm"
      leftSection={<IconHelpCircle size={18} aria-hidden />}
      aria-label={t('linkLabel', { topic: t(`topics.${topic}`) })}
      data-help-topic={topic}
    >
      {t('link')}
    </Button>
  );
}

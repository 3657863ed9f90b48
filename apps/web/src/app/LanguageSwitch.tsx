// The language menu in the header (and on the sign-in page).
import { Button, Menu } from '@mantine/core';
import { IconCheck, IconLanguage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LOCALES } from './i18n';
import { useLanguage } from './language';

/** A button naming the current language, opening the list of languages. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale, setLocale } = useLanguage();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLanguage size={18} aria-hidden />}
          aria-label={t('common:language.button', { language: t(`enums:locale.${locale}`) })}
        >
          {locale.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common:language.label')}</Menu.Label>
        {SUPPORTED_LOCALES.map((code) => (
          <Menu.Item
            key={code}
            lang={code}
            onClick={() => void setLocale(code)}
            rightSection={code === locale ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={code === locale ? 'true' : undefined}
          >
            {t(`enums:locale.${code}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

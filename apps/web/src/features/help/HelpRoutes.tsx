// The help area: /help opens the guides' contents in the interface language.
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { asLocale, DEFAULT_LOCALE } from '../../app/i18n';
import { HelpPage } from './HelpPage';
import { helpPath } from './topics';

/** Routes below /help (loaded on demand). */
export default function HelpRoutes() {
  const { i18n } = useTranslation();
  const language = asLocale(i18n.language) ?? DEFAULT_LOCALE;
  return (
    <Routes>
      <Route index element={<Navigate to={helpPath(language, 'index')} replace />} />
      <Route path=":lang" element={<Navigate to="index" replace />} />
      <Route path=":lang/:topic" element={<HelpPage />} />
    </Routes>
  );
}

// The help namespace, added to i18next by the help link itself so the app's i18n setup needs no
// change. French is the default; the parity test in this folder keeps English complete.
import i18n from '../../app/i18n';
import frHelp from '../../locales/fr/help.json';
import enHelp from '../../locales/en/help.json';

export const helpResources = { fr: frHelp, en: enHelp } as const;

for (const [language, bundle] of Object.entries(helpResources)) {
  if (!i18n.hasResourceBundle(language, 'help')) i18n.addResourceBundle(language, 'help', bundle);
}

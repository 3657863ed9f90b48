// Which guide page answers the screen the user is on. Pure data and functions: the web app's help
// link, the help pages and the documentation tests all read it, so a guide page cannot be renamed
// without the tests noticing.

/** The task guides, one Markdown file per language in docs/guide/{fr,en}/<slug>.md. */
export const GUIDE_PAGES = [
  'index',
  'start',
  'register-person',
  'refer',
  'return-case',
  'movement',
  'arrivals',
  'reintegration-plan',
  'rss',
  'awareness-activity',
  'free-movement',
  'flow-import',
  'open-data',
  'indicators',
  'quarter-signoff',
  'users-roles',
  'offline',
  'account-security',
  'admin',
  'api',
] as const;
export type GuidePage = (typeof GUIDE_PAGES)[number];

/** The bilingual glossary (docs/glossary.md), shown at /help/<lang>/glossary. */
export const GLOSSARY = 'glossary';
export type HelpTopic = GuidePage | typeof GLOSSARY;

export const HELP_LANGUAGES = ['fr', 'en'] as const;
export type HelpLanguage = (typeof HELP_LANGUAGES)[number];

/**
 * Route prefixes and the guide page they open, most specific first. `*` stands for one path
 * segment (a record id).
 */
export const ROUTE_TOPICS: readonly (readonly [string, GuidePage])[] = [
  ['/protection/referrals', 'refer'],
  ['/protection', 'register-person'],
  ['/returns/movements', 'movement'],
  ['/returns/arrivals', 'arrivals'],
  ['/returns', 'return-case'],
  ['/reintegration/cases/*/rss', 'rss'],
  ['/reintegration/instruments', 'rss'],
  ['/reintegration', 'reintegration-plan'],
  ['/awareness', 'awareness-activity'],
  ['/mobility', 'free-movement'],
  ['/flows/open-data', 'open-data'],
  ['/flows', 'flow-import'],
  ['/results/periods', 'quarter-signoff'],
  ['/results/reports', 'quarter-signoff'],
  ['/results', 'indicators'],
  ['/admin', 'users-roles'],
  ['/account', 'account-security'],
  ['/offline', 'offline'],
];

/** Tells whether `pathname` is `prefix` or below it (`*` matching one segment). */
function under(pathname: string, prefix: string): boolean {
  const want = prefix.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (have.length < want.length) return false;
  return want.every((segment, i) => segment === '*' || segment === have[i]);
}

/** The guide page for a route of the app; the guides' index when no task matches. */
export function topicFor(pathname: string): GuidePage {
  if (pathname === '/' || pathname === '') return 'start';
  return ROUTE_TOPICS.find(([prefix]) => under(pathname, prefix))?.[1] ?? 'index';
}

/** Narrows a string to a help topic. */
export function asTopic(value: string | undefined): HelpTopic | undefined {
  if (value === GLOSSARY) return GLOSSARY;
  return GUIDE_PAGES.find((page) => page === value);
}

/** The in-app address of a help topic in a language. */
export function helpPath(language: HelpLanguage, topic: HelpTopic): string {
  return `/help/${language}/${topic}`;
}

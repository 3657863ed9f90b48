// The screenshots of the user guides, as data: for each task, the demo user who does it and, per
// step, what to do in the app before the picture is taken. The screenshot script plays this list
// and the documentation tests read it to check that every image a guide shows is produced here.
// Names of buttons, tabs and links are i18n keys, so one list serves French and English.

/** Something done in the page before a screenshot. */
export type ShotAction =
  /** Open an address of the app. */
  | { goto: string }
  /** Open the list at `list` and follow its first link whose address matches `pattern`, adding `then` to it. */
  | { openFirst: { list: string; pattern: string; then?: string } }
  /** Click a control found by its role and its label (an i18n key, `ns:path`). */
  | { click: { role: 'button' | 'tab' | 'link' | 'radio'; key: string; exact?: boolean } }
  /** Type into the field labelled by an i18n key. */
  | { fill: { key: string; value: string } }
  /** Choose a file in the page's file input (path from the repository root). */
  | { upload: string }
  /** Wait until a text (an i18n key) is visible. */
  | { waitText: string }
  /** Wait until a text (an i18n key) is gone, e.g. a "checking…" note. */
  | { waitGone: string }
  /** Cut the browser's connection, or give it back (the app then syncs by itself). */
  | { network: 'offline' | 'online' }
  /**
   * Meanwhile, on the server, another demo user changes a field of the person whose page is open
   * (through the API, at the version the server holds), as a colleague would from the office. The
   * field takes the first of `values` it does not hold already (an earlier shot may have set one).
   */
  | { changeOnServer: { user: string; field: string; values: string[] } }
  /** Close the user's other sessions, then open one from each device named (a browser's user agent). */
  | { sessions: string[] };

export interface Shot {
  /** The step number in the task's guide: the image is `<task>-<step>.png`. */
  step: number;
  actions: ShotAction[];
  /** Taken at tablet width instead of the laptop viewport. */
  tablet?: boolean;
  /** Another demo user than the task's (`null`: signed out). */
  user?: string | null;
  /**
   * Sign in through the sign-in page, as on a field device, and wait for the first sync, so the
   * device holds the user's encrypted caseload. Addresses are then opened inside the app (a reload
   * would forget the key that opens the device copy).
   */
  device?: boolean;
  /**
   * The screen is being built in another branch: the script skips this shot unless asked for
   * pending shots, and the guides may show the image before it exists.
   */
  pending?: boolean;
}

export interface TaskShots {
  task: string;
  /** The demo user who does the task. */
  user: string;
  shots: Shot[];
}

// Ids in demo addresses look like UUIDs; the lists link to records with them.
const ID = '[0-9a-f-]{36}';

export const SHOTS: readonly TaskShots[] = [
  {
    task: 'start',
    user: 'caseworker.gao',
    shots: [
      { step: 1, user: null, actions: [{ goto: '/login' }] },
      { step: 2, actions: [{ goto: '/' }] },
      { step: 3, actions: [{ goto: '/help/{lang}/start' }] },
    ],
  },
  {
    task: 'register-person',
    user: 'caseworker.gao',
    shots: [
      { step: 1, tablet: true, actions: [{ goto: '/protection/people' }] },
      {
        // At laptop width the possible duplicates show beside the form.
        step: 2,
        actions: [
          { goto: '/protection/people/new' },
          { fill: { key: 'registry:form.givenName', value: 'Mahamadou' } },
          { fill: { key: 'registry:form.familyName', value: 'Kulibali' } },
          { waitGone: 'registry:duplicates.checking' },
        ],
      },
      { step: 3, actions: [{ openFirst: { list: '/protection/people', pattern: `^/protection/people/${ID}$` } }] },
      { step: 4, actions: [{ openFirst: { list: '/protection/cases', pattern: `^/protection/cases/${ID}$` } }, { click: { role: 'tab', key: 'protection:case.tabs.screening' } }] },
      { step: 5, actions: [{ openFirst: { list: '/protection/cases', pattern: `^/protection/cases/${ID}$` } }, { click: { role: 'tab', key: 'protection:case.tabs.services' } }] },
      // Reviewing duplicates needs a role with person.merge: the protection officer's.
      { step: 6, user: 'protection.officer', actions: [{ goto: '/protection/duplicates' }] },
    ],
  },
  {
    task: 'refer',
    user: 'caseworker.gao',
    shots: [
      { step: 1, actions: [{ openFirst: { list: '/protection/cases', pattern: `^/protection/cases/${ID}$` } }, { click: { role: 'tab', key: 'protection:case.tabs.referrals' } }] },
      { step: 2, actions: [{ goto: '/protection/referrals' }] },
    ],
  },
  {
    task: 'return-case',
    user: 'return.officer',
    shots: [
      { step: 1, actions: [{ goto: '/returns' }] },
      { step: 2, actions: [{ goto: '/returns/cases/new' }] },
      { step: 3, actions: [{ openFirst: { list: '/returns/cases', pattern: `^/returns/cases/${ID}$` } }] },
      { step: 4, actions: [{ openFirst: { list: '/returns/cases', pattern: `^/returns/cases/${ID}$` } }, { click: { role: 'tab', key: 'returns:case.tabs.documents' } }] },
    ],
  },
  {
    task: 'movement',
    user: 'return.officer',
    shots: [
      { step: 1, actions: [{ goto: '/returns/movements' }] },
      { step: 2, actions: [{ goto: '/returns/movements/new' }] },
      { step: 3, actions: [{ openFirst: { list: '/returns/movements', pattern: `^/returns/movements/${ID}$` } }] },
    ],
  },
  {
    task: 'arrivals',
    user: 'return.officer',
    shots: [
      // A day of the demo (it ends in December 2021) when a convoy reached the return officer's site.
      { step: 1, tablet: true, actions: [{ goto: '/returns/arrivals?date=2021-09-22' }] },
      { step: 2, actions: [{ goto: '/returns/dashboard' }] },
    ],
  },
  {
    task: 'reintegration-plan',
    user: 'reintegration.kayes',
    shots: [
      { step: 1, actions: [{ goto: '/reintegration/cases' }] },
      { step: 2, actions: [{ openFirst: { list: '/reintegration/cases', pattern: `^/reintegration/cases/${ID}$`, then: '?tab=assessments' } }] },
      { step: 3, actions: [{ openFirst: { list: '/reintegration/cases', pattern: `^/reintegration/cases/${ID}$`, then: '?tab=plan' } }] },
      { step: 4, actions: [{ openFirst: { list: '/reintegration/cases', pattern: `^/reintegration/cases/${ID}$`, then: '?tab=assistance' } }] },
      { step: 5, actions: [{ openFirst: { list: '/reintegration/cases', pattern: `^/reintegration/cases/${ID}$`, then: '?tab=visits' } }] },
    ],
  },
  {
    task: 'rss',
    user: 'reintegration.kayes',
    shots: [
      { step: 1, actions: [{ openFirst: { list: '/reintegration/cases', pattern: `^/reintegration/cases/${ID}$`, then: '?tab=rss' } }] },
      { step: 2, user: 'admin', actions: [{ goto: '/reintegration/instruments' }] },
    ],
  },
  {
    task: 'awareness-activity',
    user: 'awareness.officer',
    shots: [
      { step: 1, actions: [{ goto: '/awareness' }] },
      { step: 2, actions: [{ goto: '/awareness/activities/new' }] },
      { step: 3, actions: [{ openFirst: { list: '/awareness/activities', pattern: `^/awareness/activities/${ID}$` } }] },
    ],
  },
  {
    task: 'free-movement',
    user: 'awareness.officer',
    shots: [
      { step: 1, actions: [{ goto: '/mobility' }] },
      { step: 2, actions: [{ goto: '/mobility/trainings/new' }] },
    ],
  },
  {
    task: 'flow-import',
    user: 'data.officer',
    shots: [
      { step: 1, actions: [{ goto: '/flows' }] },
      { step: 2, actions: [{ goto: '/flows/import' }] },
      { step: 3, actions: [{ goto: '/flows/import' }, { upload: 'tools/docs/fixtures/flow-counts.csv' }, { click: { role: 'button', key: 'flows:import.analyse' } }, { waitText: 'flows:import.summary.importable' }] },
      { step: 4, actions: [{ goto: '/flows/quality' }] },
    ],
  },
  {
    task: 'open-data',
    user: 'data.officer',
    shots: [{ step: 1, actions: [{ goto: '/flows/open-data' }] }],
  },
  {
    task: 'indicators',
    user: 'me.officer',
    shots: [
      { step: 1, actions: [{ goto: '/results' }, { waitText: 'results:tabs.dashboard' }] },
      { step: 2, actions: [{ goto: '/results/indicators/3.4' }] },
      { step: 3, actions: [{ goto: '/results/indicators/3.4/records?from=2018-01-01&to=2021-12-31' }] },
    ],
  },
  {
    task: 'quarter-signoff',
    user: 'me.officer',
    shots: [
      { step: 1, actions: [{ goto: '/results/periods' }] },
      { step: 2, actions: [{ goto: '/results/reports' }] },
    ],
  },
  {
    task: 'users-roles',
    user: 'admin',
    shots: [
      { step: 1, actions: [{ goto: '/admin/users' }] },
      { step: 2, actions: [{ goto: '/admin/users/new' }] },
      { step: 3, actions: [{ openFirst: { list: '/admin/roles', pattern: `^/admin/roles/${ID}$` } }] },
      { step: 4, actions: [{ goto: '/admin/sites' }] },
      { step: 5, actions: [{ goto: '/admin/audit' }] },
    ],
  },
  {
    task: 'offline',
    user: 'caseworker.gao',
    shots: [
      {
        // After the first sync, the connection drops and a person's place of birth is corrected on
        // the device: the change waits in the outbox.
        step: 1,
        device: true,
        actions: [
          { openFirst: { list: '/protection/people', pattern: `^/protection/people/${ID}$` } },
          { network: 'offline' },
          { click: { role: 'button', key: 'registry:person.edit' } },
          { fill: { key: 'registry:form.birthPlace', value: 'Ansongo' } },
          { click: { role: 'button', key: 'common:actions.save' } },
          { goto: '/offline' },
        ],
      },
      {
        // The same, while a protection officer corrects the same field at the office: back online,
        // the change comes back as a conflict, opened side by side.
        step: 2,
        device: true,
        actions: [
          { openFirst: { list: '/protection/people', pattern: `^/protection/people/${ID}$` } },
          { network: 'offline' },
          { click: { role: 'button', key: 'registry:person.edit' } },
          { fill: { key: 'registry:form.birthPlace', value: 'Ansongo' } },
          { click: { role: 'button', key: 'common:actions.save' } },
          { changeOnServer: { user: 'protection.officer', field: 'birthPlace', values: ['Bourem', 'Ménaka'] } },
          { network: 'online' },
          { goto: '/offline' },
          { click: { role: 'link', key: 'offline:pending.resolve' } },
        ],
      },
    ],
  },
  {
    task: 'account-security',
    user: 'caseworker.gao',
    shots: [
      { step: 1, actions: [{ goto: '/account/password' }] },
      // Two-step verification started: the QR code and the key to type by hand.
      { step: 2, actions: [{ goto: '/account/security' }, { click: { role: 'button', key: 'account:mfa.enable' } }, { click: { role: 'button', key: 'account:enrol.start' } }] },
      {
        // The open sessions: this browser, a tablet and an office computer.
        step: 3,
        actions: [
          {
            sessions: [
              'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
              'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
            ],
          },
          { goto: '/account/security' },
        ],
      },
      // A person's data: the export menu on their page (the protection officer's role may export).
      { step: 4, user: 'protection.officer', actions: [{ openFirst: { list: '/protection/people', pattern: `^/protection/people/${ID}$` } }, { click: { role: 'button', key: 'account:privacy.export' } }] },
    ],
  },
];

/** The file name of a shot's image (the same in every language folder). */
export function shotFile(task: string, step: number): string {
  return `${task}-${step}.png`;
}

/** Every image the script writes per language, with whether it is pending. */
export function shotFiles(): { file: string; pending: boolean }[] {
  return SHOTS.flatMap((t) => t.shots.map((s) => ({ file: shotFile(t.task, s.step), pending: Boolean(s.pending) })));
}

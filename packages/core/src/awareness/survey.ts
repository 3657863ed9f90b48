// The knowledge/attitude survey instrument (SPEC §9) and how one respondent's answers are scored.

export interface LocalisedText {
  fr: string;
  en: string;
}

export interface SurveyItem {
  code: string;
  kind: 'true_false' | 'single_choice';
  question: LocalisedText;
  options: { value: string; label: LocalisedText }[];
  correct: string;
}

export interface SurveyInstrument {
  version: string;
  title: LocalisedText;
  items: SurveyItem[];
}

const TRUE_FALSE = [
  { value: 'true', label: { fr: 'Vrai', en: 'True' } },
  { value: 'false', label: { fr: 'Faux', en: 'False' } },
];

function tf(code: string, fr: string, en: string, correct: 'true' | 'false'): SurveyItem {
  return { code, kind: 'true_false', question: { fr, en }, options: TRUE_FALSE, correct };
}

/** The default instrument: eight items on the risks of irregular migration, legal pathways and rights. */
export const DEFAULT_SURVEY_INSTRUMENT: SurveyInstrument = {
  version: 'kap-2024-1',
  title: { fr: 'Connaissances et attitudes sur la migration', en: 'Knowledge and attitudes on migration' },
  items: [
    tf('desert_risk', 'Traverser le désert avec un passeur est sans danger si l’on paie assez.', 'Crossing the desert with a smuggler is safe if you pay enough.', 'false'),
    tf('sea_risk', 'La traversée de la Méditerranée en embarcation de fortune fait chaque année de nombreux morts.', 'Crossing the Mediterranean in makeshift boats kills many people every year.', 'true'),
    tf('ecowas_visa', 'Un citoyen de la CEDEAO muni d’un document de voyage valide peut entrer sans visa dans un autre État membre pour un court séjour.', 'An ECOWAS citizen with a valid travel document may enter another member state without a visa for a short stay.', 'true'),
    tf('bribe_duty', 'Aux postes frontières, payer un agent sans reçu est une obligation légale.', 'At border posts, paying an official without a receipt is a legal obligation.', 'false'),
    tf('trafficking_jobs', 'Une offre d’emploi à l’étranger trop belle peut cacher de la traite des personnes.', 'A job offer abroad that looks too good may hide human trafficking.', 'true'),
    tf('avr_help', 'Un migrant bloqué en transit peut demander une aide au retour volontaire.', 'A migrant stranded in transit can ask for help to return voluntarily.', 'true'),
    {
      code: 'legal_info_source',
      kind: 'single_choice',
      question: { fr: 'Où trouver une information fiable sur la migration régulière ?', en: 'Where can you find reliable information on regular migration?' },
      options: [
        { value: 'smuggler', label: { fr: 'Auprès d’un passeur', en: 'From a smuggler' } },
        { value: 'official_service', label: { fr: 'Auprès d’un service officiel ou d’une organisation reconnue', en: 'From an official service or a recognised organisation' } },
        { value: 'social_media_rumour', label: { fr: 'Par les rumeurs sur les réseaux sociaux', en: 'From rumours on social media' } },
      ],
      correct: 'official_service',
    },
    {
      code: 'documents_keep',
      kind: 'single_choice',
      question: { fr: 'Que faire de son passeport pendant le voyage ?', en: 'What should you do with your passport while travelling?' },
      options: [
        { value: 'give_to_smuggler', label: { fr: 'Le confier au passeur', en: 'Give it to the smuggler' } },
        { value: 'keep_and_copy', label: { fr: 'Le garder sur soi et en garder une copie', en: 'Keep it on you and keep a copy' } },
        { value: 'leave_home', label: { fr: 'Le laisser à la maison', en: 'Leave it at home' } },
      ],
      correct: 'keep_and_copy',
    },
  ],
};

/** The instruments the server offers by default (administrators add versions as data). */
export const SURVEY_INSTRUMENTS: readonly SurveyInstrument[] = [DEFAULT_SURVEY_INSTRUMENT];

/**
 * Scores one respondent: the share of the instrument's items answered correctly (unanswered counts as
 * not correct). Returns field errors for unknown items or values instead of a score.
 */
export function scoreResponse(instrument: SurveyInstrument, answers: Record<string, string>, path = 'answers'): { score: number } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const items = new Map(instrument.items.map((item) => [item.code, item]));
  for (const [code, value] of Object.entries(answers)) {
    const item = items.get(code);
    if (!item) errors[`${path}.${code}`] = `is not an item of instrument ${instrument.version}`;
    else if (!item.options.some((o) => o.value === value)) errors[`${path}.${code}`] = `must be one of ${item.options.map((o) => o.value).join(', ')}`;
  }
  if (Object.keys(answers).length === 0) errors[path] = 'must answer at least one item';
  if (Object.keys(errors).length > 0) return { errors };
  const correct = instrument.items.filter((item) => answers[item.code] === item.correct).length;
  return { score: Math.round((correct / instrument.items.length) * 1000) / 1000 };
}

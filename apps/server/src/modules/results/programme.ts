// The programme the results framework reports on (SPEC §0): configuration kept as a setting, with the
// reference action as the default, so another programme changes it without code.
import { getSetting } from '../../platform/settings';
import type { Db, Tx } from '../../platform/db/database';

export interface ProgrammeSettings {
  /** First day counted: the cumulative values start here. */
  start: string;
  end: string;
  iatiIdentifier: string;
  reportingOrg: { ref: string; name: string };
  title: { fr: string; en: string };
  /** XOF per EUR (a fixed peg). */
  xofPerEur: number;
}

export const DEFAULT_PROGRAMME: ProgrammeSettings = {
  start: '2018-01-01',
  end: '2022-12-31',
  iatiIdentifier: 'XI-IATI-EC_DEVCO_T05-EUTF-SAH-ML-07',
  reportingOrg: { ref: 'XI-IATI-EC_DEVCO', name: 'European Commission - Development and Cooperation-EuropeAid' },
  title: {
    fr: 'Renforcement de la gestion et de la gouvernance des migrations et le retour et la réintégration durable au Mali',
    en: 'Strengthening migration management and governance and sustainable return and reintegration in Mali',
  },
  xofPerEur: 655.957,
};

/** The programme settings (setting `results.programme` over the defaults). */
export function programmeSettings(db: Db | Tx): Promise<ProgrammeSettings> {
  return getSetting(db, 'results.programme', DEFAULT_PROGRAMME);
}

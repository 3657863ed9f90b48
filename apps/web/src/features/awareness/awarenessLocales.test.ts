// Every awareness and free-movement code the screens offer has a French and an English label.
import { describe, expect, it } from 'vitest';
import * as core from '@taama/core';
import { resources } from '../../app/locales';

const AWARENESS: Record<string, readonly string[]> = {
  theme: core.CAMPAIGN_THEMES,
  activityType: core.ACTIVITY_TYPES,
  channel: core.CHANNELS,
  language: core.MESSAGE_LANGUAGES,
  surveyPhase: core.SURVEY_PHASES,
  sex: core.PARTICIPANT_SEXES,
  ageGroup: core.PARTICIPANT_AGE_GROUPS,
};

const MOBILITY: Record<string, readonly string[]> = {
  borderPostType: core.BORDER_POST_TYPES,
  institutionKind: core.INSTITUTION_KINDS,
  topic: core.TRAINING_TOPICS,
  incidentType: core.INCIDENT_TYPES,
  agency: core.INCIDENT_AGENCIES,
  corridor: core.CORRIDORS,
  document: core.TRAVEL_DOCUMENTS,
  victimSex: core.VICTIM_SEXES,
  sex: core.TRAINEE_SEXES,
  regime: core.RIGHTS_REGIMES,
};

function missing(enums: Record<string, Record<string, string>>, groups: Record<string, readonly string[]>): string[] {
  return Object.entries(groups).flatMap(([group, codes]) => codes.filter((code) => !enums[group]?.[code]).map((code) => `${group}.${code}`));
}

describe('awareness and free-movement labels', () => {
  it('label every code in French and English', () => {
    for (const lang of ['fr', 'en'] as const) {
      expect(missing(resources[lang].awareness.enum as Record<string, Record<string, string>>, AWARENESS), `${lang} awareness`).toEqual([]);
      expect(missing(resources[lang].mobility.enum as Record<string, Record<string, string>>, MOBILITY), `${lang} mobility`).toEqual([]);
    }
  });

  it('differ between French and English where the words differ', () => {
    expect(resources.fr.awareness.enum.activityType.community_dialogue).not.toBe(resources.en.awareness.enum.activityType.community_dialogue);
    expect(resources.fr.mobility.enum.incidentType.extortion).not.toBe(resources.en.mobility.enum.incidentType.extortion);
  });
});

// Loads the awareness part of the demo (tools/demo/src/awareness.ts) with multi-row inserts, inside
// the demo's transaction.
import { newId, participantKey, scoreResponse, SURVEY_INSTRUMENTS } from '@taama/core';
import type { DemoAwareness } from '@taama/demo';
import type { Tx } from '../../platform/db/database';
import { placeKey } from './participants.service';

/** Rows per INSERT, well under the bind-parameter limit. */
const BATCH = 1000;

async function insertAll<T>(rows: readonly T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Inserts the demo's communities, campaigns, activities, participant lists and surveys. */
export async function loadAwarenessDemo(tx: Tx, demo: DemoAwareness, orgId: (code: string) => string): Promise<{ activities: number }> {
  const organisationId = orgId(demo.organisation);
  const stamp = { createdBy: null, updatedBy: null };
  const communityIds = new Map(demo.communities.map((c) => [c.key, newId()]));
  const idOf = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`awareness demo refers to unknown ${key}`);
    return id;
  };
  const communes = new Map(demo.communities.map((c) => [c.key, c.communePcode]));
  await insertAll(demo.communities, (batch) =>
    tx
      .insertInto('communities')
      .values(batch.map((c) => ({ id: idOf(communityIds, c.key), name: c.name, communePcode: c.communePcode, regionPcode: c.communePcode.slice(0, 4), highEmigrationZone: c.highEmigrationZone, population: c.population, focalPoints: JSON.stringify(c.focalPoints), organisationId, ...stamp })))
      .execute(),
  );
  const campaignIds = new Map(demo.campaigns.map((c) => [c.key, newId()]));
  await tx
    .insertInto('awarenessCampaigns')
    .values(
      demo.campaigns.map((c) => ({
        id: idOf(campaignIds, c.key),
        name: c.name,
        theme: c.theme,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        partnerOrganisationId: c.partner ? orgId(c.partner) : null,
        messages: JSON.stringify(c.messages),
        channels: JSON.stringify(c.channels),
        targetCommunityIds: JSON.stringify(c.targetCommunityKeys.map((k) => idOf(communityIds, k))),
        organisationId,
        ...stamp,
      })),
    )
    .execute();

  const activityRows = [];
  const participantRows = [];
  const seen = new Set<string>();
  for (const a of demo.activities) {
    const id = newId();
    const communityId = a.communityKey ? idOf(communityIds, a.communityKey) : null;
    const commune = a.communityKey ? (communes.get(a.communityKey) ?? null) : (a.routeLocation?.communePcode ?? null);
    const r = a.reached;
    const counted = 'total' in r ? r : null;
    activityRows.push({
      id,
      campaignId: a.campaignKey ? idOf(campaignIds, a.campaignKey) : null,
      type: a.type,
      date: a.date,
      communityId,
      fmpId: null,
      routeLocationName: a.routeLocation?.name ?? null,
      communePcode: commune,
      regionPcode: commune ? commune.slice(0, 4) : null,
      facilitator: a.facilitator,
      reachTotal: counted?.total ?? null,
      men: counted?.men ?? null,
      women: counted?.women ?? null,
      boys: counted?.boys ?? null,
      girls: counted?.girls ?? null,
      estimatedAudience: 'estimatedAudience' in r ? r.estimatedAudience : null,
      materials: JSON.stringify(a.materials),
      notes: null,
      organisationId,
      ...stamp,
    });
    // Activities come sorted by date, so the first time a key shows is the first attendance.
    const where = placeKey({ communityId, fmpId: null, communePcode: commune });
    for (const p of a.participants ?? []) {
      const key = participantKey(p.name, p.sex, where);
      participantRows.push({ id: newId(), activityId: id, name: p.name, sex: p.sex, ageGroup: p.ageGroup, consentToMatch: false, phone: null, participantKey: key, isRepeat: seen.has(key), personId: null, createdBy: null });
      seen.add(key);
    }
  }
  await insertAll(activityRows, (batch) => tx.insertInto('awarenessActivities').values(batch).execute());
  await insertAll(participantRows, (batch) => tx.insertInto('awarenessParticipants').values(batch).execute());

  const surveyRows = [];
  const responseRows: { id: string; surveyId: string; answers: string; score: number }[] = [];
  for (const s of demo.surveys) {
    const id = newId();
    const instrument = SURVEY_INSTRUMENTS.find((i) => i.version === s.instrumentVersion);
    if (!instrument) throw new Error(`awareness demo uses unknown instrument ${s.instrumentVersion}`);
    // Scored like the API scores them, so demo and recorded surveys compare.
    const scores = s.responses.map((answers) => {
      const result = scoreResponse(instrument, answers);
      if ('errors' in result) throw new Error(`awareness demo survey answer invalid: ${JSON.stringify(result.errors)}`);
      return result.score;
    });
    surveyRows.push({ id, communityId: idOf(communityIds, s.communityKey), phase: s.phase, surveyedOn: s.surveyedOn, instrumentVersion: s.instrumentVersion, respondents: scores.length, meanScore: Math.round((scores.reduce((x, y) => x + y, 0) / scores.length) * 1000) / 1000, organisationId, ...stamp });
    s.responses.forEach((answers, i) => responseRows.push({ id: newId(), surveyId: id, answers: JSON.stringify(answers), score: scores[i] ?? 0 }));
  }
  await insertAll(surveyRows, (batch) => tx.insertInto('awarenessSurveys').values(batch).execute());
  await insertAll(responseRows, (batch) => tx.insertInto('awarenessSurveyResponses').values(batch).execute());
  return { activities: activityRows.length };
}

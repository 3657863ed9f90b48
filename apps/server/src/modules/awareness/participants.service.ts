// Named participant lists (SPEC §9): replace an activity's list, flag repeat attendees by their
// participant key, and — only with the participant's consent — link a matching registry person.
import { newId, participantKey, validateListAgainstReach, type ParticipantList, type ParticipantsInput, type ReachInput } from '@taama/core';
import type { Tx } from '../../platform/db/database';
import { inTransaction } from '../../platform/db/tx';
import { appendAudit } from '../../platform/audit/audit';
import { actorOf, type RequestContext } from '../../platform/auth/context';
import { inScope } from '../../platform/access/scope';
import { Invalid, NotFound } from '../../platform/errors';
import { possibleDuplicates } from '../registry/duplicates.service';
import { hasActiveConsent } from '../registry/consent.service';
import { ACTIVITY_SCOPE } from './awareness.common';

/** Where a participant is recognised again: the community, else the FMP, else the route's commune. */
export function placeKey(row: { communityId: string | null; fmpId: string | null; communePcode: string | null }): string {
  if (row.communityId) return `community:${row.communityId}`;
  if (row.fmpId) return `fmp:${row.fmpId}`;
  return `commune:${row.communePcode ?? ''}`;
}

/**
 * The registry person a consenting participant matches (best score ≥ the registry's threshold) who
 * holds an active data-sharing consent with the caller's organisation. The search runs over the whole
 * registry on the system's behalf: the link is stored, never shown to the awareness caller.
 */
async function matchPerson(tx: Tx, ctx: RequestContext, p: { name: string; sex: 'male' | 'female'; phone?: string | undefined }): Promise<string | null> {
  const tokens = p.name.trim().split(/\s+/);
  const familyName = tokens.length > 1 ? (tokens.pop() ?? '') : '';
  const system = { ...ctx, grants: new Map([...ctx.grants, ['person.read' as const, 'all' as const]]) };
  const found = await possibleDuplicates(tx, system, { givenName: tokens.join(' '), familyName, sex: p.sex, phones: p.phone ? [p.phone] : [] });
  for (const candidate of found) {
    if (await hasActiveConsent(tx, candidate.id, 'data_sharing', ctx.user.organisationId)) return candidate.id;
  }
  return null;
}

/** Replaces the named list of an activity in scope; its counted reach must match the list. */
export async function putParticipants(ctx: RequestContext, activityId: string, input: ParticipantsInput): Promise<ParticipantList> {
  return inTransaction(ctx.db, async (tx) => {
    const activity = await tx.selectFrom('awarenessActivities as a').selectAll('a').where('a.id', '=', activityId).where(inScope(ctx.scope, ACTIVITY_SCOPE)).forUpdate().executeTakeFirst();
    if (!activity) throw new NotFound('Activity');
    const reached: ReachInput =
      activity.reachTotal === null
        ? { estimatedAudience: activity.estimatedAudience ?? 0 }
        : { total: activity.reachTotal, men: activity.men ?? 0, women: activity.women ?? 0, boys: activity.boys ?? 0, girls: activity.girls ?? 0 };
    if (input.participants.length > 0) {
      const errors = validateListAgainstReach(reached, input.participants);
      if (Object.keys(errors).length > 0) throw new Invalid(errors, 'The participant list must match the activity’s counted reach by sex and age group');
    }
    const where = placeKey(activity);
    const keys = input.participants.map((p) => participantKey(p.name, p.sex, where));
    // Keys already seen at an earlier activity (by date, then id) make a repeat attendance.
    const earlier = new Set(
      keys.length === 0
        ? []
        : (
            await tx
              .selectFrom('awarenessParticipants as p')
              .innerJoin('awarenessActivities as a', 'a.id', 'p.activityId')
              .select('p.participantKey')
              .where('p.participantKey', 'in', keys)
              .where('p.activityId', '<>', activityId)
              .where((eb) => eb.or([eb('a.date', '<', activity.date), eb.and([eb('a.date', '=', activity.date), eb('a.id', '<', activityId)])]))
              .execute()
          ).map((r) => r.participantKey),
    );
    await tx.deleteFrom('awarenessParticipants').where('activityId', '=', activityId).execute();
    const seenHere = new Set<string>();
    const out: ParticipantList['participants'] = [];
    const rows = [];
    for (const [i, p] of input.participants.entries()) {
      const key = keys[i] ?? '';
      const repeat = earlier.has(key) || seenHere.has(key);
      seenHere.add(key);
      const personId = p.consentToMatch ? await matchPerson(tx, ctx, p) : null;
      const id = newId();
      rows.push({ id, activityId, name: p.name, sex: p.sex, ageGroup: p.ageGroup, consentToMatch: p.consentToMatch, phone: p.phone ?? null, participantKey: key, isRepeat: repeat, personId, createdBy: ctx.user.id });
      out.push({ id, name: p.name, sex: p.sex, ageGroup: p.ageGroup, repeat });
    }
    if (rows.length > 0) await tx.insertInto('awarenessParticipants').values(rows).execute();
    await tx.updateTable('awarenessActivities').set({ version: activity.version + 1, updatedAt: new Date(), updatedBy: ctx.user.id }).where('id', '=', activityId).execute();
    const uniqueNew = out.filter((p) => !p.repeat).length;
    await appendAudit(tx, actorOf(ctx), {
      action: 'awarenessActivity.participants_set',
      entityType: 'awareness_activity',
      entityId: activityId,
      details: { participants: rows.length, uniqueNew, linkedToRegistry: rows.filter((r) => r.personId !== null).length },
    });
    return { participants: out, uniqueNew };
  });
}

/** The named list of an activity in scope, as last saved; reading names is audited. */
export async function getParticipants(ctx: RequestContext, activityId: string): Promise<ParticipantList> {
  return inTransaction(ctx.db, async (tx) => {
    const activity = await tx.selectFrom('awarenessActivities as a').select('a.id').where('a.id', '=', activityId).where(inScope(ctx.scope, ACTIVITY_SCOPE)).executeTakeFirst();
    if (!activity) throw new NotFound('Activity');
    const rows = await tx.selectFrom('awarenessParticipants').select(['id', 'name', 'sex', 'ageGroup', 'isRepeat']).where('activityId', '=', activityId).orderBy('createdAt').orderBy('id').execute();
    if (rows.length > 0) await appendAudit(tx, actorOf(ctx), { action: 'awarenessActivity.participants_read', entityType: 'awareness_activity', entityId: activityId, details: { participants: rows.length } });
    const participants = rows.map((r) => ({ id: r.id, name: r.name, sex: r.sex as 'male' | 'female', ageGroup: r.ageGroup as 'child' | 'adult', repeat: r.isRepeat }));
    return { participants, uniqueNew: participants.filter((p) => !p.repeat).length };
  });
}

// Loads the free-movement part of the demo (tools/demo/src/mobility.ts) with multi-row inserts,
// inside the demo's transaction.
import { newId, traineeKey } from '@taama/core';
import type { DemoMobility } from '@taama/demo';
import type { Tx } from '../../platform/db/database';

/** Inserts the demo's border posts, institutions, trainings with trainees, equipment and incidents. */
export async function loadMobilityDemo(tx: Tx, demo: DemoMobility, orgId: (code: string) => string): Promise<{ incidents: number }> {
  const organisationId = orgId(demo.organisation);
  const stamp = { createdBy: null, updatedBy: null };
  const ids = new Map<string, string>();
  const idOf = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new Error(`free-movement demo refers to unknown ${key}`);
    return id;
  };
  for (const p of demo.borderPosts) ids.set(p.key, newId());
  for (const i of demo.institutions) ids.set(i.key, newId());
  await tx
    .insertInto('borderPosts')
    .values(demo.borderPosts.map((p) => ({ id: idOf(p.key), name: p.name, pcode: p.pcode, neighbourCountry: p.neighbourCountry, type: p.type, corridor: p.corridor, lat: p.lat, lon: p.lon, organisationId, ...stamp })))
    .execute();
  // Parents first: the generator lists central institutions before local ones.
  await tx
    .insertInto('institutions')
    .values(demo.institutions.map((i) => ({ id: idOf(i.key), name: i.name, kind: i.kind, countryCode: 'MLI', parentInstitutionId: i.parentKey ? idOf(i.parentKey) : null, organisationId, ...stamp })))
    .execute();
  const trainingRows = [];
  const traineeRows = [];
  for (const t of demo.trainings) {
    const id = newId();
    trainingRows.push({ id, title: t.title, topic: t.topic, startsOn: t.startsOn, endsOn: t.endsOn, days: t.days, place: t.place, pcode: t.pcode, borderPostId: t.borderPostKey ? idOf(t.borderPostKey) : null, organiserOrganisationId: orgId('iom'), organisationId, ...stamp });
    for (const x of t.trainees) {
      const institutionId = idOf(x.institutionKey);
      traineeRows.push({ id: newId(), trainingId: id, name: x.name, sex: x.sex, institutionId, rank: x.rank, daysAttended: x.daysAttended, completed: x.completed, preScore: x.preScore, postScore: x.postScore, traineeKey: traineeKey(x.name, institutionId), createdBy: null });
    }
  }
  await tx.insertInto('trainings').values(trainingRows).execute();
  await tx.insertInto('trainingTrainees').values(traineeRows).execute();
  await tx
    .insertInto('equipmentHandovers')
    .values(demo.equipment.map((e) => ({ id: newId(), type: e.type, quantity: e.quantity, valueXof: e.valueXof, recipientInstitutionId: idOf(e.recipientKey), borderPostId: e.borderPostKey ? idOf(e.borderPostKey) : null, handedOverOn: e.handedOverOn, organisationId, ...stamp })))
    .execute();
  await tx
    .insertInto('mobilityIncidents')
    .values(
      demo.incidents.map((i) => ({
        id: newId(),
        occurredOn: i.occurredOn,
        borderPostId: i.borderPostKey ? idOf(i.borderPostKey) : null,
        placeName: i.place?.name ?? null,
        placePcode: i.place?.pcode ?? null,
        corridor: i.corridor,
        agency: i.agency,
        types: JSON.stringify(i.types),
        amountDemandedXof: i.amountDemandedXof,
        documentsPresented: JSON.stringify(i.documentsPresented),
        victimNationality: i.victimNationality,
        victimSex: i.victimSex,
        victimsCount: i.victimsCount,
        reporterAnonymous: i.reporter.anonymous,
        reporterName: i.reporter.name,
        reporterPhone: i.reporter.phone,
        followUp: i.followUp,
        description: null,
        organisationId,
        ...stamp,
      })),
    )
    .execute();
  return { incidents: demo.incidents.length };
}

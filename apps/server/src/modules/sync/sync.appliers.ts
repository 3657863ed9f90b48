// What each change type means: the online route's schema, permission and service function. Sync
// calls exactly these, so a change pushed from a device passes the same validation, scope,
// sensitivity, consent and audit rules as the same action taken online.
import type { TSchema } from 'typebox';
import {
  Activity,
  ActivityInput,
  ActivityPatch,
  Arrival,
  ArrivalAssistanceInput,
  ArrivalInput,
  FlowCount,
  FlowCountInput,
  FlowCountPatch,
  Person,
  PersonCreated,
  PersonInput,
  PersonPatch,
  Referral,
  ReferralInput,
  Screening,
  ScreeningInput,
  Service,
  ServiceInput,
  TransitCase,
  TransitCaseInput,
  TransitCasePatch,
  type Permission,
  type SyncCreateEntity,
  type SyncUpdateEntity,
} from '@taama/core';
import type { RequestContext } from '../../platform/auth/context';
import { getPerson, registerPerson, updatePerson } from '../registry/people.service';
import { createCase, getCase, updateCase } from '../protection/transit-cases.service';
import { addScreening, addService } from '../protection/case-records.service';
import { createReferral } from '../protection/referrals.service';
import { addArrivalAssistance, recordArrival } from '../returns/arrivals.service';
import { createCount, getCount, updateCount } from '../flows/counts.service';
import { createActivity, getActivity, updateActivity } from '../awareness/activities.service';


export interface CreateApplier {
  /** The permission of the online route. */
  permission: Permission;
  /** The online route's body schema. */
  input: TSchema;
  /** For records added to a parent (a case, an arrival): the record field naming the parent. */
  parent?: 'transitCaseId' | 'arrivalId';
  /** The online route's response schema (shapes and redacts the returned record). */
  response: TSchema;
  run(ctx: RequestContext, input: never, parentId: string): Promise<unknown>;
}

export interface UpdateApplier {
  permission: Permission;
  readPermission: Permission;
  patch: TSchema;
  response: TSchema;
  read(ctx: RequestContext, id: string): Promise<unknown>;
  update(ctx: RequestContext, id: string, version: number, patch: never): Promise<unknown>;
}

export const CREATE_APPLIERS: Record<SyncCreateEntity, CreateApplier> = {
  person: { permission: 'person.create', input: PersonInput, response: PersonCreated, run: (ctx, input: PersonInput) => registerPerson(ctx, input) },
  transitCase: { permission: 'transitCase.create', input: TransitCaseInput, response: TransitCase, run: (ctx, input: TransitCaseInput) => createCase(ctx, input) },
  screening: {
    permission: 'transitCase.update',
    input: ScreeningInput,
    parent: 'transitCaseId',
    response: Screening,
    run: (ctx, input: ScreeningInput, caseId) => addScreening(ctx, caseId, input),
  },
  service: {
    permission: 'transitCase.update',
    input: ServiceInput,
    parent: 'transitCaseId',
    response: Service,
    run: (ctx, input: ServiceInput, caseId) => addService(ctx, caseId, input),
  },
  referral: {
    permission: 'referral.manage',
    input: ReferralInput,
    parent: 'transitCaseId',
    response: Referral,
    run: (ctx, input: ReferralInput, caseId) => createReferral(ctx, caseId, input),
  },
  arrival: { permission: 'returnCase.update', input: ArrivalInput, response: Arrival, run: (ctx, input: ArrivalInput) => recordArrival(ctx, input) },
  arrivalAssistance: {
    permission: 'returnCase.update',
    input: ArrivalAssistanceInput,
    parent: 'arrivalId',
    response: Arrival,
    run: (ctx, input: ArrivalAssistanceInput, arrivalId) => addArrivalAssistance(ctx, arrivalId, input),
  },
  flowCount: { permission: 'flow.manage', input: FlowCountInput, response: FlowCount, run: (ctx, input: FlowCountInput) => createCount(ctx, input) },
  awarenessActivity: { permission: 'awareness.manage', input: ActivityInput, response: Activity, run: (ctx, input: ActivityInput) => createActivity(ctx, input) },
};

export const UPDATE_APPLIERS: Record<SyncUpdateEntity, UpdateApplier> = {
  person: {
    permission: 'person.update',
    readPermission: 'person.read',
    patch: PersonPatch,
    response: Person,
    read: getPerson,
    update: (ctx, id, version, patch: PersonPatch) => updatePerson(ctx, id, version, patch),
  },
  transitCase: {
    permission: 'transitCase.update',
    readPermission: 'transitCase.read',
    patch: TransitCasePatch,
    response: TransitCase,
    read: getCase,
    update: (ctx, id, version, patch: TransitCasePatch) => updateCase(ctx, id, version, patch),
  },
  flowCount: {
    permission: 'flow.manage',
    readPermission: 'flow.read',
    patch: FlowCountPatch,
    response: FlowCount,
    read: getCount,
    update: (ctx, id, version, patch: FlowCountPatch) => updateCount(ctx, id, version, patch),
  },
  awarenessActivity: {
    permission: 'awareness.manage',
    readPermission: 'awareness.read',
    patch: ActivityPatch,
    response: Activity,
    read: getActivity,
    update: (ctx, id, version, patch: ActivityPatch) => updateActivity(ctx, id, version, patch),
  },
};


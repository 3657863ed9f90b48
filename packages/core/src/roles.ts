// The default roles of SPEC §1. They are seeded as data; administrators edit them like any role.
import type { ScopeKind, Sensitivity } from './access';
import type { Permission } from './permissions';

export interface RoleDefinition {
  code: string;
  scope: ScopeKind;
  maxSensitivity: Sensitivity;
  permissions: readonly Permission[];
}

const personWork: Permission[] = ['person.read', 'person.create', 'person.update', 'reference.read', 'sync.use'];

export const DEFAULT_ROLES: readonly RoleDefinition[] = [
  {
    code: 'caseworker',
    scope: 'site',
    maxSensitivity: 'personal',
    permissions: [...personWork, 'transitCase.read', 'transitCase.create', 'transitCase.update', 'referral.manage'],
  },
  {
    code: 'return_officer',
    scope: 'organisation',
    maxSensitivity: 'personal',
    permissions: [
      ...personWork,
      'returnCase.read',
      'returnCase.create',
      'returnCase.update',
      'returnCase.transition',
      'movement.manage',
    ],
  },
  {
    code: 'reintegration_officer',
    scope: 'region',
    maxSensitivity: 'personal',
    permissions: [...personWork, 'reintegrationCase.read', 'reintegrationCase.create', 'reintegrationCase.update', 'reintegrationCase.approve'],
  },
  {
    code: 'protection_officer',
    scope: 'organisation',
    maxSensitivity: 'sensitive',
    permissions: [
      ...personWork,
      'person.merge',
      'person.export',
      'transitCase.read',
      'transitCase.create',
      'transitCase.update',
      'transitCase.approve',
      'referral.manage',
      'returnCase.read',
      'returnCase.approve',
      'reintegrationCase.read',
    ],
  },
  {
    code: 'awareness_officer',
    scope: 'organisation',
    maxSensitivity: 'internal',
    permissions: ['awareness.read', 'awareness.manage', 'mobility.read', 'mobility.manage', 'reference.read', 'sync.use'],
  },
  {
    code: 'data_officer',
    scope: 'all',
    maxSensitivity: 'internal',
    permissions: ['flow.read', 'flow.manage', 'flow.validate', 'flow.publish', 'flowSurvey.read', 'reference.read', 'sync.use'],
  },
  {
    code: 'me_officer',
    scope: 'all',
    maxSensitivity: 'internal',
    permissions: ['indicator.read', 'indicator.manage', 'period.signOff', 'report.export', 'flow.read', 'awareness.read', 'mobility.read', 'reference.read'],
  },
  {
    code: 'government_partner',
    scope: 'organisation',
    maxSensitivity: 'personal',
    permissions: ['indicator.read', 'report.export', 'reintegrationCase.read', 'person.read', 'reference.read'],
  },
  {
    code: 'donor',
    scope: 'all',
    maxSensitivity: 'public',
    permissions: ['indicator.read', 'report.export', 'reference.read'],
  },
  {
    code: 'administrator',
    scope: 'all',
    maxSensitivity: 'personal',
    permissions: [
      'user.read',
      'user.manage',
      'role.read',
      'role.manage',
      'organisation.read',
      'organisation.manage',
      'site.read',
      'site.manage',
      'audit.read',
      'audit.verify',
      'reference.read',
      'rssInstrument.manage',
    ],
  },
];

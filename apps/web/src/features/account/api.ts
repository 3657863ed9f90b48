// Two-factor enrolment, recovery codes, open sessions, and a person's data-subject rights.
import type { ActiveSessionList, EraseResult, MfaEnrolment, MfaStatus, RecoveryCodes } from '@taama/core';
import { apiRequest, apiUrl } from '../../api/client';

export const accountKeys = {
  mfa: ['account', 'mfa'] as const,
  sessions: ['account', 'sessions'] as const,
  userSessions: (userId: string) => ['users', userId, 'sessions'] as const,
  erasure: (personId: string) => ['people', personId, 'erasure'] as const,
};

export const securityApi = {
  mfa: () => apiRequest<MfaStatus>('/me/mfa'),
  enrol: () => apiRequest<MfaEnrolment>('/me/mfa/enrol', { method: 'POST' }),
  confirm: (code: string) => apiRequest<RecoveryCodes>('/me/mfa/confirm', { method: 'POST', body: { code } }),
  recoveryCodes: (code: string) => apiRequest<RecoveryCodes>('/me/mfa/recovery-codes', { method: 'POST', body: { code } }),
  disable: (password: string, code: string) => apiRequest<void>('/me/mfa/disable', { method: 'POST', body: { password, code } }),
  sessions: () => apiRequest<ActiveSessionList>('/me/sessions'),
  revoke: (sessionId: string) => apiRequest<void>(`/me/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
  userSessions: (userId: string) => apiRequest<ActiveSessionList>(`/users/${encodeURIComponent(userId)}/sessions`),
  revokeUserSession: (userId: string, sessionId: string) =>
    apiRequest<void>(`/users/${encodeURIComponent(userId)}/sessions/${encodeURIComponent(sessionId)}`, { method: 'DELETE' }),
};

export const privacyApi = {
  exportUrl: (personId: string, format: 'json' | 'pdf', lang: 'fr' | 'en') =>
    apiUrl(`/people/${encodeURIComponent(personId)}/export.${format}`, format === 'pdf' ? { lang } : undefined),
  erasure: (personId: string) => apiRequest<EraseResult | null>(`/people/${encodeURIComponent(personId)}/erase`),
  erase: (personId: string, reason: string) => apiRequest<EraseResult>(`/people/${encodeURIComponent(personId)}/erase`, { method: 'POST', body: { reason } }),
  cancel: (personId: string) => apiRequest<void>(`/people/${encodeURIComponent(personId)}/erase`, { method: 'DELETE' }),
};

// The sync endpoints (issue 9 contract).
import { apiRequest } from '../api/client';
import type { OutgoingChange, PullResponse, PushResponse } from './types';

export const syncApi = {
  push: (deviceId: string, changes: OutgoingChange[]) => apiRequest<PushResponse>('/sync/push', { method: 'POST', body: { deviceId, changes } }),
  pull: (deviceId: string, cursor: string | undefined, limit = 500) => apiRequest<PullResponse>('/sync/pull', { query: { deviceId, cursor, limit } }),
  registerDevice: (deviceId: string, label: string) => apiRequest<unknown>('/sync/devices', { method: 'POST', body: { deviceId, label } }),
};

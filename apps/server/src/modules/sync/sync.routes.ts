// Routes: /sync/* for devices working offline, /admin/devices for remote wipe (SPEC §12, §13).
import { Type } from 'typebox';
import {
  ErrorBody,
  IdParams,
  SYNC_MAX_BODY_BYTES,
  SyncDevice,
  SyncDeviceInput,
  SyncPullQuery,
  SyncPullResponse,
  SyncPushBody,
  SyncPushResponse,
  Uuid,
} from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { push } from './push.service';
import { pull } from './pull.service';
import { listDevices, registerDevice, wipeDevice } from './devices.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };
const tags = ['sync'];
const DevicesQuery = Type.Object({ userId: Type.Optional(Uuid) }, { additionalProperties: false });

/** Registers the sync and device routes. */
export async function syncRoutes(app: App): Promise<void> {
  app.post('/sync/push', {
    config: { access: { permission: 'sync.use' } },
    bodyLimit: SYNC_MAX_BODY_BYTES,
    schema: {
      tags,
      summary: 'Apply a device’s queued changes in order, each on its own; one result per change (replays answer `duplicate`)',
      body: SyncPushBody,
      response: { 200: SyncPushResponse, ...errors },
    },
  }, async (request) => push(requireCtx(request), request.body, request.log));

  app.get('/sync/pull', {
    config: { access: { permission: 'sync.use' } },
    schema: {
      tags,
      summary: 'One page of the caller’s offline caseload: changes since the cursor, and removals of what left it',
      querystring: SyncPullQuery,
      response: { 200: SyncPullResponse, ...errors },
    },
  }, async (request) => pull(requireCtx(request), request.query));

  app.post('/sync/devices', {
    config: { access: { permission: 'sync.use' } },
    schema: { tags, summary: 'Register (or relabel) a device of the caller', body: SyncDeviceInput, response: { 200: SyncDevice, ...errors } },
  }, async (request) => registerDevice(requireCtx(request), request.body));

  app.get('/admin/devices', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: 'Devices holding an offline copy, most recently seen first', querystring: DevicesQuery, response: { 200: Type.Object({ items: Type.Array(SyncDevice) }), ...errors } },
  }, async (request) => listDevices(requireCtx(request), request.query));

  app.post('/admin/devices/:id/wipe', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: 'Wipe a device: its next pull or push tells it to purge everything it holds', params: IdParams, response: { 200: SyncDevice, ...errors } },
  }, async (request) => wipeDevice(requireCtx(request), request.params.id));
}

// Routes: /roles and /permissions.
import { Type } from 'typebox';
import { ErrorBody, IdParams, PermissionInfo, Role, RoleInput, RolePatch } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createRole, getRole, listPermissions, listRoles, updateRole } from './roles.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['administration'];

/** Registers the role routes. */
export async function roleRoutes(app: App): Promise<void> {
  app.get('/roles', {
    config: { access: { permission: 'role.read' } },
    schema: { tags, summary: 'List roles', response: { 200: Type.Object({ items: Type.Array(Role), nextCursor: Type.Null() }), ...errors } },
  }, async (request) => listRoles(requireCtx(request)));

  app.post('/roles', {
    config: { access: { permission: 'role.manage' } },
    schema: { tags, summary: 'Create a role', body: RoleInput, response: { 201: Role, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createRole(requireCtx(request), request.body)));

  app.get('/roles/:id', {
    config: { access: { permission: 'role.read' } },
    schema: { tags, summary: 'Get a role', params: IdParams, response: { 200: Role, ...errors } },
  }, async (request) => getRole(requireCtx(request), request.params.id));

  app.patch('/roles/:id', {
    config: { access: { permission: 'role.manage' } },
    schema: { tags, summary: 'Edit a role (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: RolePatch, response: { 200: Role, ...errors } },
  }, async (request) => updateRole(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.get('/permissions', {
    config: { access: { permission: 'role.read' } },
    schema: { tags, summary: 'Every permission code', response: { 200: Type.Object({ items: Type.Array(PermissionInfo) }), ...errors } },
  }, async () => listPermissions());
}

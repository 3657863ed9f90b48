// Routes: /users (administration of accounts).
import { Type } from 'typebox';
import { ErrorBody, IdParams, ResetPasswordBody, User, UserInput, UserListQuery, UserPage, UserPatch } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createUser, getUser, listUsersPage, resetPassword, setUserDisabled, updateUser } from './users.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const tags = ['administration'];

/** Registers the user routes. */
export async function userRoutes(app: App): Promise<void> {
  app.get('/users', {
    config: { access: { permission: 'user.read' } },
    schema: { tags, summary: 'List users', querystring: UserListQuery, response: { 200: UserPage, ...errors } },
  }, async (request) => listUsersPage(requireCtx(request), request.query));

  app.post('/users', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: 'Create a user (must change the password at first sign-in)', body: UserInput, response: { 201: User, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createUser(requireCtx(request), request.body)));

  app.get('/users/:id', {
    config: { access: { permission: 'user.read' } },
    schema: { tags, summary: 'Get a user', params: IdParams, response: { 200: User, ...errors } },
  }, async (request) => getUser(requireCtx(request), request.params.id));

  app.patch('/users/:id', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: 'Edit a user (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: UserPatch, response: { 200: User, ...errors } },
  }, async (request) => updateUser(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.post('/users/:id/reset-password', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: "Set a user's password (they must change it at next sign-in)", params: IdParams, body: ResetPasswordBody, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await resetPassword(requireCtx(request), request.params.id, request.body.password);
    return reply.status(204).send(null);
  });

  app.post('/users/:id/disable', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: 'Disable a user and close their sessions', params: IdParams, response: { 200: User, ...errors } },
  }, async (request) => setUserDisabled(requireCtx(request), request.params.id, true));

  app.post('/users/:id/enable', {
    config: { access: { permission: 'user.manage' } },
    schema: { tags, summary: 'Re-enable a user', params: IdParams, response: { 200: User, ...errors } },
  }, async (request) => setUserDisabled(requireCtx(request), request.params.id, false));
}

// Routes: /groups — households and travel groups (SPEC §4).
import { Type } from 'typebox';
import { Group, GroupInput, GroupMemberInput, IdParams, Uuid } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { addGroupMember, createGroup, getGroup, removeGroupMember } from './groups.service';
import { registryErrors as errors } from './people.routes';

const tags = ['registry'];
const MemberParams = Type.Object({ id: Uuid, personId: Uuid }, { additionalProperties: false });

/** Registers the group routes. */
export async function groupRoutes(app: App): Promise<void> {
  app.post('/groups', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Create a household or travel group', body: GroupInput, response: { 201: Group, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createGroup(requireCtx(request), request.body)));

  app.get('/groups/:id', {
    config: { access: { permission: 'person.read' } },
    schema: { tags, summary: 'A group with its members', params: IdParams, response: { 200: Group, ...errors } },
  }, async (request) => getGroup(requireCtx(request), request.params.id));

  app.post('/groups/:id/members', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Add a member', params: IdParams, body: GroupMemberInput, response: { 200: Group, ...errors } },
  }, async (request) => addGroupMember(requireCtx(request), request.params.id, request.body));

  app.delete('/groups/:id/members/:personId', {
    config: { access: { permission: 'person.update' } },
    schema: { tags, summary: 'Remove a member', params: MemberParams, response: { 200: Group, ...errors } },
  }, async (request) => removeGroupMember(requireCtx(request), request.params.id, request.params.personId));
}

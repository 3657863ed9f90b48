// Routes: /organisations.
import { Type } from 'typebox';
import { ErrorBody, IdParams, Organisation, OrganisationInput, OrganisationPatch, Page, PageQuery } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './organisations.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const tags = ['administration'];
const ListQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), ...PageQuery }, { additionalProperties: false });

/** Registers the organisation routes. */
export async function organisationRoutes(app: App): Promise<void> {
  app.get('/organisations', {
    config: { access: { permission: 'organisation.read' } },
    schema: { tags, summary: 'List organisations', querystring: ListQuery, response: { 200: Page(Organisation), ...errors } },
  }, async (request) => listOrganisations(requireCtx(request), request.query));

  app.post('/organisations', {
    config: { access: { permission: 'organisation.manage' } },
    schema: { tags, summary: 'Create an organisation', body: OrganisationInput, response: { 201: Organisation, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createOrganisation(requireCtx(request), request.body)));

  app.get('/organisations/:id', {
    config: { access: { permission: 'organisation.read' } },
    schema: { tags, summary: 'Get an organisation', params: IdParams, response: { 200: Organisation, ...errors } },
  }, async (request) => getOrganisation(requireCtx(request), request.params.id));

  app.patch('/organisations/:id', {
    config: { access: { permission: 'organisation.manage' } },
    schema: { tags, summary: 'Edit an organisation (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: OrganisationPatch, response: { 200: Organisation, ...errors } },
  }, async (request) => updateOrganisation(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

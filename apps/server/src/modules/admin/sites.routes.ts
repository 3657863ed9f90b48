// Routes: /sites.
import { Type } from 'typebox';
import { ErrorBody, IdParams, Page, PageQuery, Site, SiteInput, SitePatch, Uuid } from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createSite, getSite, listSites, updateSite } from './sites.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const tags = ['administration'];
const ListQuery = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: 100 })), organisationId: Type.Optional(Uuid), ...PageQuery },
  { additionalProperties: false },
);

/** Registers the site routes. */
export async function siteRoutes(app: App): Promise<void> {
  app.get('/sites', {
    config: { access: { permission: 'site.read' } },
    schema: { tags, summary: 'List sites', querystring: ListQuery, response: { 200: Page(Site), ...errors } },
  }, async (request) => listSites(requireCtx(request), request.query));

  app.post('/sites', {
    config: { access: { permission: 'site.manage' } },
    schema: { tags, summary: 'Create a site', body: SiteInput, response: { 201: Site, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createSite(requireCtx(request), request.body)));

  app.get('/sites/:id', {
    config: { access: { permission: 'site.read' } },
    schema: { tags, summary: 'Get a site', params: IdParams, response: { 200: Site, ...errors } },
  }, async (request) => getSite(requireCtx(request), request.params.id));

  app.patch('/sites/:id', {
    config: { access: { permission: 'site.manage' } },
    schema: { tags, summary: 'Edit a site (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: SitePatch, response: { 200: Site, ...errors } },
  }, async (request) => updateSite(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

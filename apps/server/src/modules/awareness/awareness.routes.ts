// Routes: /awareness — communities, campaigns, surveys and the dashboard; activities in their own file.
import {
  AwarenessDashboard,
  AwarenessDashboardQuery,
  Campaign,
  CampaignInput,
  CampaignPage,
  CampaignPatch,
  CampaignQuery,
  Community,
  CommunityHistory,
  CommunityInput,
  CommunityPage,
  CommunityPatch,
  CommunityQuery,
  ErrorBody,
  IdParams,
  Survey,
  SurveyChange,
  SurveyInput,
  SurveyInstrumentList,
} from '@taama/core';
import type { App } from '../../platform/http/app';
import { requireCtx } from '../../platform/auth/plugin';
import { expectedVersion, IfMatchHeaders } from '../../platform/http/if-match';
import { createCommunity, getCommunity, listCommunities, updateCommunity } from './communities.service';
import { createCampaign, getCampaign, listCampaigns, updateCampaign } from './campaigns.service';
import { communitySurveyChange, createSurvey, listInstruments } from './surveys.service';
import { communityHistory } from './history.service';
import { awarenessDashboard } from './dashboard.service';
import { activityRoutes } from './activities.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 412: ErrorBody, 428: ErrorBody };
const tags = ['awareness'];
const read = { access: { permission: 'awareness.read' as const } };
const manage = { access: { permission: 'awareness.manage' as const } };

async function communityRoutes(app: App): Promise<void> {
  app.get('/awareness/communities', {
    config: read,
    schema: { tags, summary: 'Communities with their reach (shared reference records)', querystring: CommunityQuery, response: { 200: CommunityPage, ...errors } },
  }, async (request) => listCommunities(requireCtx(request), request.query));

  app.post('/awareness/communities', {
    config: manage,
    schema: { tags, summary: 'Add a community in a Mali commune', body: CommunityInput, response: { 201: Community, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCommunity(requireCtx(request), request.body)));

  app.get('/awareness/communities/:id', {
    config: read,
    schema: { tags, summary: 'A community', params: IdParams, response: { 200: Community, ...errors } },
  }, async (request) => getCommunity(requireCtx(request), request.params.id));

  app.patch('/awareness/communities/:id', {
    config: manage,
    schema: { tags, summary: 'Edit a community (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: CommunityPatch, response: { 200: Community, ...errors } },
  }, async (request) => updateCommunity(requireCtx(request), request.params.id, expectedVersion(request), request.body));

  app.get('/awareness/communities/:id/history', {
    config: read,
    schema: { tags, summary: 'Activities and surveys of a community', params: IdParams, response: { 200: CommunityHistory, ...errors } },
  }, async (request) => communityHistory(requireCtx(request), request.params.id));

  app.get('/awareness/communities/:id/survey-change', {
    config: read,
    schema: { tags, summary: 'Knowledge score before and after, per instrument version', params: IdParams, response: { 200: SurveyChange, ...errors } },
  }, async (request) => communitySurveyChange(requireCtx(request), request.params.id));
}

async function campaignRoutes(app: App): Promise<void> {
  app.get('/awareness/campaigns', {
    config: read,
    schema: { tags, summary: 'Campaigns overlapping a period', querystring: CampaignQuery, response: { 200: CampaignPage, ...errors } },
  }, async (request) => listCampaigns(requireCtx(request), request.query));

  app.post('/awareness/campaigns', {
    config: manage,
    schema: { tags, summary: 'Create a campaign', body: CampaignInput, response: { 201: Campaign, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createCampaign(requireCtx(request), request.body)));

  app.get('/awareness/campaigns/:id', {
    config: read,
    schema: { tags, summary: 'A campaign', params: IdParams, response: { 200: Campaign, ...errors } },
  }, async (request) => getCampaign(requireCtx(request), request.params.id));

  app.patch('/awareness/campaigns/:id', {
    config: manage,
    schema: { tags, summary: 'Edit a campaign (If-Match: version)', params: IdParams, headers: IfMatchHeaders, body: CampaignPatch, response: { 200: Campaign, ...errors } },
  }, async (request) => updateCampaign(requireCtx(request), request.params.id, expectedVersion(request), request.body));
}

/** Registers every awareness route. */
export async function awarenessRoutes(app: App): Promise<void> {
  await communityRoutes(app);
  await campaignRoutes(app);
  await activityRoutes(app);

  app.get('/awareness/survey-instruments', {
    config: read,
    schema: { tags, summary: 'Knowledge/attitude survey instruments', response: { 200: SurveyInstrumentList, ...errors } },
  }, async () => listInstruments());

  app.post('/awareness/surveys', {
    config: manage,
    schema: { tags, summary: 'Record a before/after survey round in a community', body: SurveyInput, response: { 201: Survey, ...errors } },
  }, async (request, reply) => reply.status(201).send(await createSurvey(requireCtx(request), request.body)));

  app.get('/awareness/dashboard', {
    config: read,
    schema: { tags, summary: 'Reach against targets; estimates kept apart', querystring: AwarenessDashboardQuery, response: { 200: AwarenessDashboard, ...errors } },
  }, async (request) => awarenessDashboard(requireCtx(request), request.query));
}


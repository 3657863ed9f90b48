// Typed calls for the awareness API (/api/v1/awareness/…), one function per route.
import { ApiError, apiRequest, apiUrl, getCsrfToken, type QueryValue } from '../../api/client';
import type { Page } from '../../api/endpoints';
import type {
  Activity,
  ActivityInput,
  ActivityPatch,
  Campaign,
  CampaignInput,
  CampaignPatch,
  Community,
  CommunityHistory,
  CommunityInput,
  CommunityPatch,
  AwarenessDashboard,
  ParticipantInput,
  ParticipantList,
  SurveyChange,
  SurveyInput,
  SurveyInstruments,
} from './types';

export * from './types';

const id = encodeURIComponent;
const clean = (query: object): Record<string, QueryValue> => ({ ...(query as Record<string, QueryValue>) });

/** The filters of the communities list. */
export interface CommunityQuery {
  regionPcode?: string;
  communePcode?: string;
  highEmigration?: string;
  reached?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** The filters of the activities list. */
export interface ActivityQuery {
  from?: string;
  to?: string;
  type?: string;
  campaignId?: string;
  communityId?: string;
  regionPcode?: string;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** The filters of the campaigns list. */
export interface CampaignQuery {
  from?: string;
  to?: string;
  theme?: string;
  limit?: number;
  cursor?: string;
}

/** The filters of the dashboard. */
export interface DashboardQuery {
  from?: string;
  to?: string;
  regionPcode?: string;
}

export const awarenessApi = {
  communities: (query: CommunityQuery) => apiRequest<Page<Community>>('/awareness/communities', { query: clean(query) }),
  community: (communityId: string) => apiRequest<Community>(`/awareness/communities/${id(communityId)}`),
  createCommunity: (input: CommunityInput) => apiRequest<Community>('/awareness/communities', { method: 'POST', body: input }),
  updateCommunity: (communityId: string, version: number, patch: CommunityPatch) =>
    apiRequest<Community>(`/awareness/communities/${id(communityId)}`, { method: 'PATCH', body: patch, version }),
  communityHistory: (communityId: string) => apiRequest<CommunityHistory>(`/awareness/communities/${id(communityId)}/history`),
  surveyChange: (communityId: string) => apiRequest<SurveyChange>(`/awareness/communities/${id(communityId)}/survey-change`),

  campaigns: (query: CampaignQuery) => apiRequest<Page<Campaign>>('/awareness/campaigns', { query: clean(query) }),
  campaign: (campaignId: string) => apiRequest<Campaign>(`/awareness/campaigns/${id(campaignId)}`),
  createCampaign: (input: CampaignInput) => apiRequest<Campaign>('/awareness/campaigns', { method: 'POST', body: input }),
  updateCampaign: (campaignId: string, version: number, patch: CampaignPatch) =>
    apiRequest<Campaign>(`/awareness/campaigns/${id(campaignId)}`, { method: 'PATCH', body: patch, version }),

  activities: (query: ActivityQuery) => apiRequest<Page<Activity>>('/awareness/activities', { query: clean(query) }),
  activity: (activityId: string) => apiRequest<Activity>(`/awareness/activities/${id(activityId)}`),
  createActivity: (input: ActivityInput) => apiRequest<Activity>('/awareness/activities', { method: 'POST', body: input }),
  updateActivity: (activityId: string, version: number, patch: ActivityPatch) =>
    apiRequest<Activity>(`/awareness/activities/${id(activityId)}`, { method: 'PATCH', body: patch, version }),
  participants: (activityId: string) => apiRequest<ParticipantList>(`/awareness/activities/${id(activityId)}/participants`),
  putParticipants: (activityId: string, participants: ParticipantInput[]) =>
    apiRequest<ParticipantList>(`/awareness/activities/${id(activityId)}/participants`, { method: 'PUT', body: { participants } }),

  instruments: () => apiRequest<SurveyInstruments>('/awareness/survey-instruments'),
  createSurvey: (input: SurveyInput) => apiRequest<unknown>('/awareness/surveys', { method: 'POST', body: input }),

  dashboard: (query: DashboardQuery) => apiRequest<AwarenessDashboard>('/awareness/dashboard', { query: clean(query) }),
};

/** The address of an activity's photo (same-origin cookie: usable in an <img>). */
export function photoUrl(activityId: string, photoId: string): string {
  return apiUrl(`/awareness/activities/${id(activityId)}/photos/${id(photoId)}`);
}

/** Uploads one photo (JPEG or PNG) of an activity as multipart form data. */
export async function uploadPhoto(activityId: string, file: File): Promise<unknown> {
  const body = new FormData();
  body.append('file', file, file.name);
  const headers = new Headers({ Accept: 'application/json' });
  const csrf = getCsrfToken();
  if (csrf) headers.set('X-CSRF-Token', csrf);
  let response: Response;
  try {
    response = await fetch(apiUrl(`/awareness/activities/${id(activityId)}/photos`), { method: 'POST', body, headers, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : 'Network error');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = typeof parsed === 'object' && parsed !== null && 'error' in parsed ? (parsed as { error: { code?: unknown; message?: unknown; fields?: unknown } }).error : undefined;
    const fields: Record<string, string> = {};
    if (error && typeof error.fields === 'object' && error.fields !== null) {
      for (const [key, value] of Object.entries(error.fields)) if (typeof value === 'string') fields[key] = value;
    }
    throw new ApiError(response.status, typeof error?.code === 'string' ? error.code : `http_${response.status}`, typeof error?.message === 'string' ? error.message : response.statusText, fields);
  }
  return parsed;
}

/** Query keys of the awareness module (a save refreshes the lists and the dashboard). */
export const awarenessKeys = {
  all: ['awareness'] as const,
  communities: ['awareness', 'communities'] as const,
  community: (communityId: string) => ['awareness', 'community', communityId] as const,
  campaigns: ['awareness', 'campaigns'] as const,
  campaign: (campaignId: string) => ['awareness', 'campaign', campaignId] as const,
  activities: ['awareness', 'activities'] as const,
  activity: (activityId: string) => ['awareness', 'activity', activityId] as const,
  dashboard: ['awareness', 'dashboard'] as const,
  instruments: ['awareness', 'instruments'] as const,
};

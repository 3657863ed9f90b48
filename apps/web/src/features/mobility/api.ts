// Typed calls for the free-movement API (/api/v1/mobility/…), one function per route, typed by core.
import type {
  BorderPost,
  BorderPostInput,
  BorderPostPatch,
  BorderPostQuery,
  Equipment,
  EquipmentInput,
  EquipmentPatch,
  EquipmentQuery,
  Incident,
  IncidentInput,
  IncidentPatch,
  IncidentQuery,
  IncidentStats,
  IncidentStatsBy,
  Institution,
  InstitutionInput,
  InstitutionPatch,
  InstitutionQuery,
  MobilityDashboard,
  RightsAnswer,
  TraineeInput,
  Training,
  TrainingInput,
  TrainingPatch,
  TrainingQuery,
} from '@taama/core';
import { apiRequest, type QueryValue } from '../../api/client';
import type { Page } from '../../api/endpoints';

const id = encodeURIComponent;
const clean = (query: object): Record<string, QueryValue> => ({ ...(query as Record<string, QueryValue>) });

export const mobilityApi = {
  borderPosts: (query: BorderPostQuery) => apiRequest<Page<BorderPost>>('/mobility/border-posts', { query: clean(query) }),
  createBorderPost: (input: BorderPostInput) => apiRequest<BorderPost>('/mobility/border-posts', { method: 'POST', body: input }),
  updateBorderPost: (postId: string, version: number, patch: BorderPostPatch) => apiRequest<BorderPost>(`/mobility/border-posts/${id(postId)}`, { method: 'PATCH', body: patch, version }),

  institutions: (query: InstitutionQuery) => apiRequest<Page<Institution>>('/mobility/institutions', { query: clean(query) }),
  createInstitution: (input: InstitutionInput) => apiRequest<Institution>('/mobility/institutions', { method: 'POST', body: input }),
  updateInstitution: (institutionId: string, version: number, patch: InstitutionPatch) =>
    apiRequest<Institution>(`/mobility/institutions/${id(institutionId)}`, { method: 'PATCH', body: patch, version }),

  trainings: (query: TrainingQuery) => apiRequest<Page<Training>>('/mobility/trainings', { query: clean(query) }),
  training: (trainingId: string) => apiRequest<Training>(`/mobility/trainings/${id(trainingId)}`),
  createTraining: (input: TrainingInput) => apiRequest<Training>('/mobility/trainings', { method: 'POST', body: input }),
  updateTraining: (trainingId: string, version: number, patch: TrainingPatch) => apiRequest<Training>(`/mobility/trainings/${id(trainingId)}`, { method: 'PATCH', body: patch, version }),
  putTrainees: (trainingId: string, trainees: TraineeInput[]) => apiRequest<Training>(`/mobility/trainings/${id(trainingId)}/trainees`, { method: 'PUT', body: { trainees } }),

  equipment: (query: EquipmentQuery) => apiRequest<Page<Equipment>>('/mobility/equipment', { query: clean(query) }),
  createEquipment: (input: EquipmentInput) => apiRequest<Equipment>('/mobility/equipment', { method: 'POST', body: input }),
  updateEquipment: (equipmentId: string, version: number, patch: EquipmentPatch) => apiRequest<Equipment>(`/mobility/equipment/${id(equipmentId)}`, { method: 'PATCH', body: patch, version }),

  incidents: (query: IncidentQuery) => apiRequest<Page<Incident>>('/mobility/incidents', { query: clean(query) }),
  incident: (incidentId: string) => apiRequest<Incident>(`/mobility/incidents/${id(incidentId)}`),
  createIncident: (input: IncidentInput) => apiRequest<Incident>('/mobility/incidents', { method: 'POST', body: input }),
  updateIncident: (incidentId: string, version: number, patch: IncidentPatch) => apiRequest<Incident>(`/mobility/incidents/${id(incidentId)}`, { method: 'PATCH', body: patch, version }),
  incidentStats: (query: { from?: string; to?: string; by: IncidentStatsBy }) => apiRequest<IncidentStats>('/mobility/incidents/stats', { query: clean(query) }),

  dashboard: (query: { from?: string; to?: string }) => apiRequest<MobilityDashboard>('/mobility/dashboard', { query: clean(query) }),
  rights: (query: { date: string; nationality: string; hostCountry: string }) => apiRequest<RightsAnswer>('/mobility/rights', { query: clean(query) }),
};

/** Query keys of the free-movement module (a save refreshes the lists and the dashboard). */
export const mobilityKeys = {
  all: ['mobility'] as const,
  borderPosts: ['mobility', 'border-posts'] as const,
  institutions: ['mobility', 'institutions'] as const,
  trainings: ['mobility', 'trainings'] as const,
  training: (trainingId: string) => ['mobility', 'training', trainingId] as const,
  equipment: ['mobility', 'equipment'] as const,
  incidents: ['mobility', 'incidents'] as const,
  incident: (incidentId: string) => ['mobility', 'incident', incidentId] as const,
  dashboard: ['mobility', 'dashboard'] as const,
};

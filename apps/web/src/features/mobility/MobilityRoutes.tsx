// The free-movement module's pages under /mobility, behind its sub-navigation. Loaded on demand.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@taama/core';
import { NoAccess, NotFoundPage } from '../../app/guards';
import { useAuth } from '../../app/auth';
import { LoadingState } from '../../components/States';
import { SectionNav } from '../awareness/SectionNav';

const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const TrainingsPage = lazy(() => import('./trainings/TrainingsPage'));
const TrainingPage = lazy(() => import('./trainings/TrainingPage'));
const InstitutionsPage = lazy(() => import('./institutions/InstitutionsPage'));
const InstitutionFormPage = lazy(() => import('./institutions/InstitutionFormPage'));
const BorderPostsPage = lazy(() => import('./borderPosts/BorderPostsPage'));
const BorderPostFormPage = lazy(() => import('./borderPosts/BorderPostFormPage'));
const EquipmentPage = lazy(() => import('./equipment/EquipmentPage'));
const EquipmentFormPage = lazy(() => import('./equipment/EquipmentFormPage'));
const IncidentsPage = lazy(() => import('./incidents/IncidentsPage'));
const IncidentFormPage = lazy(() => import('./incidents/IncidentFormPage'));
const RightsPage = lazy(() => import('./rights/RightsPage'));

/** Opens its children only for holders of `permission`. */
function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <NoAccess />;
}

const SECTIONS = [
  { key: 'dashboard', path: '/mobility', permission: 'mobility.read' },
  { key: 'trainings', path: '/mobility/trainings', permission: 'mobility.read' },
  { key: 'institutions', path: '/mobility/institutions', permission: 'mobility.read' },
  { key: 'borderPosts', path: '/mobility/border-posts', permission: 'mobility.read' },
  { key: 'equipment', path: '/mobility/equipment', permission: 'mobility.read' },
  { key: 'incidents', path: '/mobility/incidents', permission: 'mobility.read' },
  { key: 'rights', path: '/mobility/rights', permission: 'mobility.read' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];

/** Every page of the free-movement module. */
export default function MobilityRoutes() {
  const read = (page: ReactNode) => <Can permission="mobility.read">{page}</Can>;
  const manage = (page: ReactNode) => <Can permission="mobility.manage">{page}</Can>;
  return (
    <>
      <SectionNav ns="mobility" root="/mobility" sections={SECTIONS} />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={read(<DashboardPage />)} />
          <Route path="trainings" element={read(<TrainingsPage />)} />
          <Route path="trainings/new" element={manage(<TrainingPage />)} />
          <Route path="trainings/:id" element={read(<TrainingPage />)} />
          <Route path="institutions" element={read(<InstitutionsPage />)} />
          <Route path="institutions/new" element={manage(<InstitutionFormPage />)} />
          <Route path="institutions/:id" element={read(<InstitutionFormPage />)} />
          <Route path="border-posts" element={read(<BorderPostsPage />)} />
          <Route path="border-posts/new" element={manage(<BorderPostFormPage />)} />
          <Route path="border-posts/:id" element={read(<BorderPostFormPage />)} />
          <Route path="equipment" element={read(<EquipmentPage />)} />
          <Route path="equipment/new" element={manage(<EquipmentFormPage />)} />
          <Route path="equipment/:id" element={read(<EquipmentFormPage />)} />
          <Route path="incidents" element={read(<IncidentsPage />)} />
          <Route path="incidents/new" element={manage(<IncidentFormPage />)} />
          <Route path="incidents/:id" element={read(<IncidentFormPage />)} />
          <Route path="rights" element={read(<RightsPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

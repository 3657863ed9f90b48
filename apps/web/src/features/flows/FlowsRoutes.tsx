// The flows module's pages under /flows, behind its sub-navigation. This file and everything it
// imports load on demand (the charts and maps are heavy), so the first load of the app stays small.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@taama/core';
import { NoAccess, NotFoundPage } from '../../app/guards';
import { useAuth } from '../../app/auth';
import { LoadingState } from '../../components/States';
import { FlowsNav } from './FlowsNav';

const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const CountsPage = lazy(() => import('./counts/CountsPage'));
const CountFormPage = lazy(() => import('./counts/CountFormPage'));
const CountPage = lazy(() => import('./counts/CountPage'));
const ImportPage = lazy(() => import('./import/ImportPage'));
const QualityPage = lazy(() => import('./quality/QualityPage'));
const PointsPage = lazy(() => import('./points/PointsPage'));
const PointFormPage = lazy(() => import('./points/PointFormPage'));
const CollectionsPage = lazy(() => import('./collections/CollectionsPage'));
const CollectionFormPage = lazy(() => import('./collections/CollectionFormPage'));
const SurveysPage = lazy(() => import('./surveys/SurveysPage'));
const SurveyPage = lazy(() => import('./surveys/SurveyPage'));
const OpenDataPage = lazy(() => import('./opendata/OpenDataPage'));

/** Opens its children only for holders of `permission`. */
function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <NoAccess />;
}

/** Every page of the flows module. */
export default function FlowsRoutes() {
  return (
    <>
      <FlowsNav />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={<Can permission="flow.read"><DashboardPage /></Can>} />
          <Route path="counts" element={<Can permission="flow.read"><CountsPage /></Can>} />
          <Route path="counts/new" element={<Can permission="flow.manage"><CountFormPage /></Can>} />
          <Route path="counts/:id" element={<Can permission="flow.read"><CountPage /></Can>} />
          <Route path="counts/:id/edit" element={<Can permission="flow.manage"><CountFormPage /></Can>} />
          <Route path="import" element={<Can permission="flow.manage"><ImportPage /></Can>} />
          <Route path="quality" element={<Can permission="flow.read"><QualityPage /></Can>} />
          <Route path="points" element={<Can permission="flow.read"><PointsPage /></Can>} />
          <Route path="points/new" element={<Can permission="flow.manage"><PointFormPage /></Can>} />
          <Route path="points/:id" element={<Can permission="flow.read"><PointFormPage /></Can>} />
          <Route path="collections" element={<Can permission="flow.read"><CollectionsPage /></Can>} />
          <Route path="collections/new" element={<Can permission="flow.manage"><CollectionFormPage /></Can>} />
          <Route path="collections/:id" element={<Can permission="flow.read"><CollectionFormPage /></Can>} />
          <Route path="surveys" element={<Can permission="flowSurvey.read"><SurveysPage /></Can>} />
          <Route path="surveys/:id" element={<Can permission="flowSurvey.read"><SurveyPage /></Can>} />
          <Route path="open-data" element={<Can permission="flow.read"><OpenDataPage /></Can>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

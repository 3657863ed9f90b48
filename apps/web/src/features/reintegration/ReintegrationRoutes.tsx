// The reintegration area's own router (loaded on demand), each page behind the permission it needs
// (the server checks them too).
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@taama/core';
import { useAuth } from '../../app/auth';
import { NoAccess, NotFoundPage, RequirePermission } from '../../app/guards';
import { LoadingState } from '../../components/States';
import { ReintegrationTabs } from './ReintegrationTabs';

const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const CaseloadPage = lazy(() => import('./CaseloadPage'));
const NewCasePage = lazy(() => import('./NewCasePage'));
const CasePage = lazy(() => import('./case/CasePage'));
const RssSurveyPage = lazy(() => import('./rss/RssSurveyPage'));
const ProjectsPage = lazy(() => import('./projects/ProjectsPage'));
const ProjectPage = lazy(() => import('./projects/ProjectPage'));
const MonitoringPage = lazy(() => import('./monitoring/MonitoringPage'));
const SpotChecksPage = lazy(() => import('./monitoring/SpotChecksPage'));
const InstrumentsPage = lazy(() => import('./instruments/InstrumentsPage'));
const InstrumentPage = lazy(() => import('./instruments/InstrumentPage'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Opens for readers of reintegration cases and for instrument managers (administrators). */
function RequireInstrumentAccess({ children }: { children: ReactNode }) {
  const { can } = useAuth();
  return can('reintegrationCase.read') || can('rssInstrument.manage') ? <>{children}</> : <NoAccess />;
}

/** Every page under /reintegration. */
export default function ReintegrationRoutes() {
  return (
    <>
      <ReintegrationTabs />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={guarded('reintegrationCase.read', <DashboardPage />)} />
          <Route path="cases" element={guarded('reintegrationCase.read', <CaseloadPage />)} />
          <Route path="cases/new" element={guarded('reintegrationCase.create', <NewCasePage />)} />
          <Route path="cases/:id" element={guarded('reintegrationCase.read', <CasePage />)} />
          <Route path="cases/:id/rss" element={guarded('reintegrationCase.update', <RssSurveyPage />)} />
          <Route path="projects" element={guarded('reintegrationCase.read', <ProjectsPage />)} />
          <Route path="projects/new" element={guarded('reintegrationCase.create', <ProjectPage />)} />
          <Route path="projects/:id" element={guarded('reintegrationCase.read', <ProjectPage />)} />
          <Route path="monitoring" element={guarded('reintegrationCase.read', <MonitoringPage />)} />
          <Route path="spot-checks" element={guarded('reintegrationCase.update', <SpotChecksPage />)} />
          <Route path="instruments" element={<RequireInstrumentAccess><InstrumentsPage /></RequireInstrumentAccess>} />
          <Route path="instruments/:version" element={<RequireInstrumentAccess><InstrumentPage /></RequireInstrumentAccess>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

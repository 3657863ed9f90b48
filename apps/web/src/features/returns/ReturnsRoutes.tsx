// The returns area's own router (loaded on demand): pipeline, cases, movements, arrival desk,
// expiring documents and dashboard, each behind the permission it needs (the server checks them too).
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@taama/core';
import { NotFoundPage, RequirePermission } from '../../app/guards';
import { LoadingState } from '../../components/States';
import { ReturnsTabs } from './ReturnsTabs';

const PipelinePage = lazy(() => import('./PipelinePage'));
const CasesPage = lazy(() => import('./CasesPage'));
const NewCasePage = lazy(() => import('./NewCasePage'));
const CasePage = lazy(() => import('./case/CasePage'));
const MovementsPage = lazy(() => import('./movements/MovementsPage'));
const MovementFormPage = lazy(() => import('./movements/MovementFormPage'));
const MovementPage = lazy(() => import('./movements/MovementPage'));
const ArrivalDeskPage = lazy(() => import('./arrivals/ArrivalDeskPage'));
const ExpiringDocumentsPage = lazy(() => import('./ExpiringDocumentsPage'));
const DashboardPage = lazy(() => import('./DashboardPage'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Every page under /returns. */
export default function ReturnsRoutes() {
  return (
    <>
      <ReturnsTabs />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={guarded('returnCase.read', <PipelinePage />)} />
          <Route path="cases" element={guarded('returnCase.read', <CasesPage />)} />
          <Route path="cases/new" element={guarded('returnCase.create', <NewCasePage />)} />
          <Route path="cases/:id" element={guarded('returnCase.read', <CasePage />)} />
          <Route path="movements" element={guarded('returnCase.read', <MovementsPage />)} />
          <Route path="movements/new" element={guarded('movement.manage', <MovementFormPage />)} />
          <Route path="movements/:id" element={guarded('returnCase.read', <MovementPage />)} />
          <Route path="movements/:id/edit" element={guarded('movement.manage', <MovementFormPage />)} />
          <Route path="arrivals" element={guarded('returnCase.update', <ArrivalDeskPage />)} />
          <Route path="documents" element={guarded('returnCase.read', <ExpiringDocumentsPage />)} />
          <Route path="dashboard" element={guarded('returnCase.read', <DashboardPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

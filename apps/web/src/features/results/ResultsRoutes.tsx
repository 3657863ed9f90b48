// The results area's own router (loaded on demand): the indicator dashboard, an indicator and its
// records, the logframe, the registry, the periods, the reports and the budget, each behind the
// permission it needs (the server checks them too).
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@taama/core';
import { NotFoundPage, RequirePermission } from '../../app/guards';
import { LoadingState } from '../../components/States';
import { ResultsTabs } from './ResultsTabs';

const DashboardPage = lazy(() => import('./DashboardPage'));
const IndicatorPage = lazy(() => import('./IndicatorPage'));
const RecordsPage = lazy(() => import('./RecordsPage'));
const LogframePage = lazy(() => import('./LogframePage'));
const PeriodsPage = lazy(() => import('./PeriodsPage'));
const ReportsPage = lazy(() => import('./ReportsPage'));
const RegistryPage = lazy(() => import('./registry/RegistryPage'));
const DefinitionPage = lazy(() => import('./registry/DefinitionPage'));
const BudgetPage = lazy(() => import('./BudgetPage'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Every page under /results. */
export default function ResultsRoutes() {
  return (
    <>
      <ResultsTabs />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={guarded('indicator.read', <DashboardPage />)} />
          <Route path="indicators/:code" element={guarded('indicator.read', <IndicatorPage />)} />
          <Route path="indicators/:code/records" element={guarded('indicator.read', <RecordsPage />)} />
          <Route path="logframe" element={guarded('indicator.read', <LogframePage />)} />
          <Route path="registry" element={guarded('indicator.manage', <RegistryPage />)} />
          <Route path="registry/:code" element={guarded('indicator.manage', <DefinitionPage />)} />
          <Route path="periods" element={guarded('indicator.read', <PeriodsPage />)} />
          <Route path="reports" element={guarded('report.export', <ReportsPage />)} />
          <Route path="budget" element={guarded('indicator.read', <BudgetPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

// The protection area's own router (loaded on demand): dashboard, people, duplicates, cases, referrals
// and tasks, each behind the permission it needs (the server checks them too).
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useAuth } from '../../app/auth';
import type { Permission } from '@taama/core';
import { NotFoundPage, RequirePermission } from '../../app/guards';
import { LoadingState } from '../../components/States';
import { ProtectionTabs } from './ProtectionTabs';

const DashboardPage = lazy(() => import('./DashboardPage'));
const CaseloadPage = lazy(() => import('./CaseloadPage'));
const CasePage = lazy(() => import('./case/CasePage'));
const ReferralsPage = lazy(() => import('./ReferralsPage'));
const TasksPage = lazy(() => import('./TasksPage'));
const PeopleSearchPage = lazy(() => import('../registry/PeopleSearchPage'));
const RegisterPersonPage = lazy(() => import('../registry/RegisterPersonPage'));
const PersonPage = lazy(() => import('../registry/person/PersonPage'));
const DuplicateQueuePage = lazy(() => import('../registry/DuplicateQueuePage'));
const MergeReviewPage = lazy(() => import('../registry/MergeReviewPage'));

function guarded(permission: Permission, page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** The area's first page: the site dashboard, or the people search for those who only read people. */
function AreaIndex() {
  const { can } = useAuth();
  return can('transitCase.read') ? <DashboardPage /> : <Navigate to="/protection/people" replace />;
}

/** Every page under /protection. */
export default function ProtectionRoutes() {
  return (
    <>
      <ProtectionTabs />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={<AreaIndex />} />
          <Route path="cases" element={guarded('transitCase.read', <CaseloadPage />)} />
          <Route path="cases/:id" element={guarded('transitCase.read', <CasePage />)} />
          <Route path="referrals" element={guarded('referral.manage', <ReferralsPage />)} />
          <Route path="tasks" element={guarded('transitCase.read', <TasksPage />)} />
          <Route path="people" element={guarded('person.read', <PeopleSearchPage />)} />
          <Route path="people/new" element={guarded('person.create', <RegisterPersonPage />)} />
          <Route path="people/:id" element={guarded('person.read', <PersonPage />)} />
          <Route path="duplicates" element={guarded('person.merge', <DuplicateQueuePage />)} />
          <Route path="duplicates/review" element={guarded('person.merge', <MergeReviewPage />)} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

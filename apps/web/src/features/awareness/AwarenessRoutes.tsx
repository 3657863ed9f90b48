// The awareness module's pages under /awareness, behind its sub-navigation. Loaded on demand.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import type { Permission } from '@taama/core';
import { NoAccess, NotFoundPage } from '../../app/guards';
import { useAuth } from '../../app/auth';
import { LoadingState } from '../../components/States';
import { SectionNav } from './SectionNav';

const DashboardPage = lazy(() => import('./dashboard/DashboardPage'));
const CampaignsPage = lazy(() => import('./campaigns/CampaignsPage'));
const CampaignFormPage = lazy(() => import('./campaigns/CampaignFormPage'));
const ActivitiesPage = lazy(() => import('./activities/ActivitiesPage'));
const ActivityPage = lazy(() => import('./activities/ActivityPage'));
const CommunitiesPage = lazy(() => import('./communities/CommunitiesPage'));
const CommunityPage = lazy(() => import('./communities/CommunityPage'));
const SurveyEntryPage = lazy(() => import('./surveys/SurveyEntryPage'));

/** Opens its children only for holders of `permission`. */
function Can({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? <>{children}</> : <NoAccess />;
}

export const AWARENESS_SECTIONS = [
  { key: 'dashboard', path: '/awareness', permission: 'awareness.read' },
  { key: 'campaigns', path: '/awareness/campaigns', permission: 'awareness.read' },
  { key: 'activities', path: '/awareness/activities', permission: 'awareness.read' },
  { key: 'communities', path: '/awareness/communities', permission: 'awareness.read' },
  { key: 'survey', path: '/awareness/surveys/new', permission: 'awareness.manage' },
] as const satisfies readonly { key: string; path: string; permission: Permission }[];

/** Every page of the awareness module. */
export default function AwarenessRoutes() {
  return (
    <>
      <SectionNav ns="awareness" root="/awareness" sections={AWARENESS_SECTIONS} />
      <Suspense fallback={<LoadingState />}>
        <Routes>
          <Route index element={<Can permission="awareness.read"><DashboardPage /></Can>} />
          <Route path="campaigns" element={<Can permission="awareness.read"><CampaignsPage /></Can>} />
          <Route path="campaigns/new" element={<Can permission="awareness.manage"><CampaignFormPage /></Can>} />
          <Route path="campaigns/:id" element={<Can permission="awareness.read"><CampaignFormPage /></Can>} />
          <Route path="activities" element={<Can permission="awareness.read"><ActivitiesPage /></Can>} />
          <Route path="activities/new" element={<Can permission="awareness.manage"><ActivityPage /></Can>} />
          <Route path="activities/:id" element={<Can permission="awareness.read"><ActivityPage /></Can>} />
          <Route path="communities" element={<Can permission="awareness.read"><CommunitiesPage /></Can>} />
          <Route path="communities/new" element={<Can permission="awareness.manage"><CommunityPage /></Can>} />
          <Route path="communities/:id" element={<Can permission="awareness.read"><CommunityPage /></Can>} />
          <Route path="surveys/new" element={<Can permission="awareness.manage"><SurveyEntryPage /></Can>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}

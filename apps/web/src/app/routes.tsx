// The app's pages. Feature pages are loaded on demand so the first load stays small.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoadingState } from '../components/States';
import { LoginPage } from '../features/auth/LoginPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { useMe } from './auth';
import { NoAccess, NotFoundPage, RequireArea, RequireAuth, RequirePermission } from './guards';
import { adminSectionsFor } from './navigation';
import { Shell } from './Shell';

const HomePage = lazy(() => import('../features/home/HomePage'));
const ProtectionRoutes = lazy(() => import('../features/protection/ProtectionRoutes'));
const UsersPage = lazy(() => import('../features/admin/users/UsersPage'));
const UserFormPage = lazy(() => import('../features/admin/users/UserFormPage'));
const RolesPage = lazy(() => import('../features/admin/roles/RolesPage'));
const RoleFormPage = lazy(() => import('../features/admin/roles/RoleFormPage'));
const SitesPage = lazy(() => import('../features/admin/sites/SitesPage'));
const SiteFormPage = lazy(() => import('../features/admin/sites/SiteFormPage'));
const OrganisationsPage = lazy(() => import('../features/admin/organisations/OrganisationsPage'));
const OrganisationFormPage = lazy(() => import('../features/admin/organisations/OrganisationFormPage'));
const AuditPage = lazy(() => import('../features/admin/audit/AuditPage'));
const FlowsRoutes = lazy(() => import('../features/flows/FlowsRoutes'));
const AwarenessRoutes = lazy(() => import('../features/awareness/AwarenessRoutes'));
const MobilityRoutes = lazy(() => import('../features/mobility/MobilityRoutes'));
const ReturnsRoutes = lazy(() => import('../features/returns/ReturnsRoutes'));
const ReintegrationRoutes = lazy(() => import('../features/reintegration/ReintegrationRoutes'));
const ResultsRoutes = lazy(() => import('../features/results/ResultsRoutes'));
const OfflineRoutes = lazy(() => import('../features/offline/OfflineRoutes'));
const SecurityPage = lazy(() => import('../features/account/SecurityPage'));
const HelpRoutes = lazy(() => import('../features/help/HelpRoutes'));

/** /admin opens the first administration screen the user may see. */
function AdminIndex() {
  const first = adminSectionsFor(useMe())[0];
  return first ? <Navigate to={first.path} replace /> : <NoAccess />;
}

/** Every route of the app. */
export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingState />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <Shell />
            </RequireAuth>
          }
        >
          <Route index element={<HomePage />} />
          <Route path="account/password" element={<ChangePasswordPage />} />
          <Route path="account/security" element={<SecurityPage />} />
          <Route
            path="protection/*"
            element={
              <RequireArea area="protection">
                <ProtectionRoutes />
              </RequireArea>
            }
          />
          <Route
            path="flows/*"
            element={
              <RequireArea area="flows">
                <FlowsRoutes />
              </RequireArea>
            }
          />
          <Route path="awareness/*" element={<RequireArea area="awareness"><AwarenessRoutes /></RequireArea>} />
          <Route path="mobility/*" element={<RequireArea area="mobility"><MobilityRoutes /></RequireArea>} />
          <Route
            path="returns/*"
            element={
              <RequireArea area="returns">
                <ReturnsRoutes />
              </RequireArea>
            }
          />
          {/* Each page checks its own permission: administrators reach the RSS instruments without the area. */}
          <Route path="reintegration/*" element={<ReintegrationRoutes />} />
          <Route
            path="results/*"
            element={
              <RequireArea area="results">
                <ResultsRoutes />
              </RequireArea>
            }
          />
          <Route path="offline/*" element={<OfflineRoutes />} />
          <Route path="help/*" element={<HelpRoutes />} />
          <Route path="admin">
            <Route
              index
              element={
                <RequireArea area="admin">
                  <AdminIndex />
                </RequireArea>
              }
            />
            <Route path="users" element={<RequirePermission permission="user.read"><UsersPage /></RequirePermission>} />
            <Route path="users/new" element={<RequirePermission permission="user.manage"><UserFormPage /></RequirePermission>} />
            <Route path="users/:id" element={<RequirePermission permission="user.read"><UserFormPage /></RequirePermission>} />
            <Route path="roles" element={<RequirePermission permission="role.read"><RolesPage /></RequirePermission>} />
            <Route path="roles/new" element={<RequirePermission permission="role.manage"><RoleFormPage /></RequirePermission>} />
            <Route path="roles/:id" element={<RequirePermission permission="role.read"><RoleFormPage /></RequirePermission>} />
            <Route path="sites" element={<RequirePermission permission="site.read"><SitesPage /></RequirePermission>} />
            <Route path="sites/new" element={<RequirePermission permission="site.manage"><SiteFormPage /></RequirePermission>} />
            <Route path="sites/:id" element={<RequirePermission permission="site.read"><SiteFormPage /></RequirePermission>} />
            <Route path="organisations" element={<RequirePermission permission="organisation.read"><OrganisationsPage /></RequirePermission>} />
            <Route path="organisations/new" element={<RequirePermission permission="organisation.manage"><OrganisationFormPage /></RequirePermission>} />
            <Route path="organisations/:id" element={<RequirePermission permission="organisation.read"><OrganisationFormPage /></RequirePermission>} />
            <Route path="audit" element={<RequirePermission permission="audit.read"><AuditPage /></RequirePermission>} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

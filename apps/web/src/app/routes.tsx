// The app's pages. Feature pages are loaded on demand with their translations, so the first load —
// the sign-in page — stays small (SPEC §15).
import { lazy, Suspense, useEffect } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { LoadingState } from '../components/States';
import { LoginPage } from '../features/auth/LoginPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { useMe } from './auth';
import { NoAccess, NotFoundPage, RequireArea, RequireAuth, RequirePermission } from './guards';
import { adminSectionsFor } from './navigation';
import { lazyPage } from './lazyPage';
import { Shell } from './Shell';

const HomePage = lazyPage(() => import('../features/home/HomePage'), ['areas']);
const ProtectionRoutes = lazyPage(() => import('../features/protection/ProtectionRoutes'), ['areas', 'protection', 'registry']);
const UsersPage = lazyPage(() => import('../features/admin/users/UsersPage'), ['admin']);
const UserFormPage = lazyPage(() => import('../features/admin/users/UserFormPage'), ['admin']);
const RolesPage = lazyPage(() => import('../features/admin/roles/RolesPage'), ['admin']);
const RoleFormPage = lazyPage(() => import('../features/admin/roles/RoleFormPage'), ['admin']);
const SitesPage = lazyPage(() => import('../features/admin/sites/SitesPage'), ['admin']);
const SiteFormPage = lazyPage(() => import('../features/admin/sites/SiteFormPage'), ['admin']);
const OrganisationsPage = lazyPage(() => import('../features/admin/organisations/OrganisationsPage'), ['admin']);
const OrganisationFormPage = lazyPage(() => import('../features/admin/organisations/OrganisationFormPage'), ['admin']);
const AuditPage = lazyPage(() => import('../features/admin/audit/AuditPage'), ['admin']);
const FlowsRoutes = lazyPage(() => import('../features/flows/FlowsRoutes'), ['flows']);
const AwarenessRoutes = lazyPage(() => import('../features/awareness/AwarenessRoutes'), ['awareness', 'flows']);
const MobilityRoutes = lazyPage(() => import('../features/mobility/MobilityRoutes'), ['awareness', 'flows', 'mobility']);
const ReturnsRoutes = lazyPage(() => import('../features/returns/ReturnsRoutes'), ['flows', 'protection', 'registry', 'returns']);
const ReintegrationRoutes = lazyPage(() => import('../features/reintegration/ReintegrationRoutes'), ['flows', 'protection', 'registry', 'reintegration']);
const ResultsRoutes = lazyPage(() => import('../features/results/ResultsRoutes'), ['flows', 'results']);
const OfflineRoutes = lazyPage(() => import('../features/offline/OfflineRoutes'), ['offline']);
const SecurityPage = lazyPage(() => import('../features/account/SecurityPage'), ['account']);
// The guides register their own translations (features/help/helpI18n.ts).
const HelpRoutes = lazy(() => import('../features/help/HelpRoutes'));

/** /admin opens the first administration screen the user may see. */
function AdminIndex() {
  const first = adminSectionsFor(useMe())[0];
  return first ? <Navigate to={first.path} replace /> : <NoAccess />;
}

/** Waits this long after the sign-in page is shown before fetching what comes after it. */
const PRELOAD_AFTER_SIGN_IN_PAGE_MS = 1500;

/**
 * Fetches the home page ahead of time: alongside the session check when it is opened (instead of
 * after it, one round trip later), and in the background while the user fills in the sign-in form.
 * A component of its own, so that following the location does not re-render the routes.
 */
function PreloadHome() {
  const { pathname } = useLocation();
  const onSignIn = pathname === '/login';
  const onHome = pathname === '/';
  useEffect(() => {
    // A failure here is retried, and shown, when the page is rendered.
    const preload = () => void HomePage.preload().catch(() => undefined);
    if (onHome) preload();
    if (!onSignIn) return;
    const timer = window.setTimeout(preload, PRELOAD_AFTER_SIGN_IN_PAGE_MS);
    return () => window.clearTimeout(timer);
  }, [onSignIn, onHome]);
  return null;
}

/** Every route of the app. */
export function AppRoutes() {
  return (
    <>
      <PreloadHome />
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
    </>
  );
}

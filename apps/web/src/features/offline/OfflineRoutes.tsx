// The offline pages: pending changes and conflict resolution (loaded on demand).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/guards';
import ConflictPage from './ConflictPage';
import PendingChangesPage from './PendingChangesPage';

/** Routes under /offline. */
export default function OfflineRoutes() {
  return (
    <Routes>
      <Route index element={<PendingChangesPage />} />
      <Route path="conflicts/:key" element={<ConflictPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

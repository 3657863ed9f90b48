// The free-movement module's pages under /mobility (being built).
import { NotFoundPage } from '../../app/guards';

/** Every page of the free-movement module. */
export default function MobilityRoutes() {
  return <NotFoundPage />;
}

// The reference records that have no single-record route (institutions, border posts, equipment):
// one is read from its list, which is short enough to read whole.
import { ApiError } from '../../api/client';
import type { Page } from '../../api/endpoints';

/** Finds one record in a list read whole, or answers 404 like the API would. */
export async function fromList<T extends { id: string }>(list: Promise<Page<T>>, id: string): Promise<T> {
  const found = (await list).items.find((item) => item.id === id);
  if (!found) throw new ApiError(404, 'not_found', 'Not found');
  return found;
}

// Cursor pagination state: the cursors of the pages visited, reset whenever the filters change.
import { useState } from 'react';

/** Current cursor and page number, with moves forward (given the list's nextCursor) and back. */
export function useCursorPages(filterKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | undefined)[] }>({ key: filterKey, cursors: [undefined] });
  // A new filter means page 1, without an extra render through an effect.
  const cursors = state.key === filterKey ? state.cursors : [undefined];
  return {
    cursor: cursors[cursors.length - 1],
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next: (nextCursor: string) => setState({ key: filterKey, cursors: [...cursors, nextCursor] }),
    previous: () => setState({ key: filterKey, cursors: cursors.length > 1 ? cursors.slice(0, -1) : cursors }),
  };
}

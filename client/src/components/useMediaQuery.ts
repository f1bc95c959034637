import { useCallback, useSyncExternalStore } from 'react';

/** The width under which styles.css lays the board out for a phone: the header shrinks to one line. */
export const PHONE_WIDTH = '(max-width: 640px)';

// One list per query for the page: `matchMedia` builds a new one per call, and a snapshot is read on
// every render of every step (the canvas benchmark's profile).
const queries = new Map<string, MediaQueryList>();
function list(query: string): MediaQueryList {
  let found = queries.get(query);
  if (!found) queries.set(query, (found = window.matchMedia(query)));
  return found;
}

/** Whether the window matches a media query now, re-rendering when that changes: `useMediaQuery(PHONE_WIDTH)`. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = list(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => list(query).matches);
}

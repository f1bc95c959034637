import { useSyncExternalStore } from 'react';
import { usePreferences } from '../state/preferences.ts';

const NARROW = '(max-width: 700px)';

// One query for the page: `matchMedia` builds a new one per call, and the snapshot is read on every render of every step (the canvas benchmark's profile).
let narrowQuery: MediaQueryList | null = null;
const narrow = () => (narrowQuery ??= window.matchMedia(NARROW));

function subscribeNarrow(onChange: () => void): () => void {
  const query = narrow();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Canvas or list for the canvas steps: this device's choice, else list on a phone-sized screen and canvas elsewhere. */
export function useBoardView(): 'canvas' | 'list' {
  const chosen = usePreferences((s) => s.boardView);
  const isNarrow = useSyncExternalStore(subscribeNarrow, () => narrow().matches);
  return chosen ?? (isNarrow ? 'list' : 'canvas');
}

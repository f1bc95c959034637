import { useSyncExternalStore } from 'react';
import { usePreferences } from '../state/preferences.ts';

const NARROW = '(max-width: 700px)';

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Canvas or list for the canvas steps: this device's choice, else list on a phone-sized screen and canvas elsewhere. */
export function useBoardView(): 'canvas' | 'list' {
  const chosen = usePreferences((s) => s.boardView);
  const narrow = useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches);
  return chosen ?? (narrow ? 'list' : 'canvas');
}

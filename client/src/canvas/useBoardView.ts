import { usePreferences } from '../state/preferences.ts';
import { useMediaQuery } from '../components/useMediaQuery.ts';

/** Canvas or list for the canvas steps: this device's choice, else list on a phone-sized screen and canvas elsewhere. */
export function useBoardView(): 'canvas' | 'list' {
  const chosen = usePreferences((s) => s.boardView);
  const isNarrow = useMediaQuery('(max-width: 700px)');
  return chosen ?? (isNarrow ? 'list' : 'canvas');
}

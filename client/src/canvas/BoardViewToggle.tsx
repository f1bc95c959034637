import { usePreferences } from '../state/preferences.ts';
import { useBoardView } from './useBoardView.ts';

/** Canvas / List: the same notes as sticky notes on a wall or as lanes (screen readers and phones may prefer the list). */
export function BoardViewToggle() {
  const view = useBoardView();
  const setBoardView = usePreferences((s) => s.setBoardView);
  return (
    <div className="board-view-toggle" role="group" aria-label="Board view">
      {(['canvas', 'list'] as const).map((option) => (
        <button key={option} type="button" aria-pressed={view === option} onClick={() => setBoardView(option)}>
          {option === 'canvas' ? 'Canvas' : 'List'}
        </button>
      ))}
    </div>
  );
}

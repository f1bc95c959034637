import type { KeyResult } from '@okr/shared/schema';
import type { TitleSuggestion } from './suggestions.ts';
import { useRoom } from '../../sync/RoomContext.tsx';

/** "Use 58% → 65% from the title": what the wording says, offered for the empty fields, one click each. */
export function TitleSuggestions({ kr, suggestions }: { kr: KeyResult; suggestions: readonly TitleSuggestion[] }) {
  const room = useRoom();
  if (suggestions.length === 0) return null;
  return (
    <div className="suggestions" role="group" aria-label={`Suggestions from the title of "${kr.title}"`}>
      <span className="suggestions-label">The title says:</span>
      {suggestions.map((suggestion) => (
        <button
          key={suggestion.id}
          type="button"
          className={suggestion.id === 'all' ? 'suggestion suggestion-all' : 'suggestion'}
          onClick={() => room.board.update(room.board.keyResults, kr.id, suggestion.patch)}
        >
          {suggestion.label}
        </button>
      ))}
    </div>
  );
}

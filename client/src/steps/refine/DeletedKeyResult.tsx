import { quote } from '@okr/shared/export';
import type { DeletedKeyResult as Deleted } from './useUndoableDelete.ts';

/** Stands where the deleted card was: what went, and Undo. */
export function DeletedKeyResult({ deleted, onUndo }: { deleted: Deleted; onUndo: () => void }) {
  return (
    <li className="kr-deleted" role="status">
      <span>Deleted {quote(deleted.title)}.</span>
      <button type="button" className="primary" onClick={onUndo} aria-label={`Undo delete of "${deleted.title}"`}>
        Undo
      </button>
    </li>
  );
}

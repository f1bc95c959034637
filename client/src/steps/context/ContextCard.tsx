import { memo } from 'react';
import type { ContextItem } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useBoardUi } from '../../state/BoardUiContext.tsx';
import { InlineEditor } from '../../components/InlineEditor.tsx';

/** One context card. Memoised: records keep their identity until edited, so a remote edit re-renders one card, not all. */
export const ContextCard = memo(function ContextCard({ item, canEdit }: { item: ContextItem; canEdit: boolean }) {
  const room = useRoom();
  const isEditing = useBoardUi((s) => s.editingId === item.id);
  const edit = useBoardUi((s) => s.edit);
  const editing = canEdit && isEditing;
  return (
    <li className="card" aria-label={item.text}>
      {editing ? (
        <InlineEditor
          label="Edit context"
          initial={item.text}
          maxLength={2000}
          onSave={(text) => {
            room.board.update(room.board.contextItems, item.id, { text });
            edit(null);
          }}
          onCancel={() => edit(null)}
        />
      ) : (
        <>
          <p className="card-text">{item.text}</p>
          {item.link && (
            <a href={item.link} target="_blank" rel="noreferrer noopener" className="card-link">
              {new URL(item.link).hostname}
            </a>
          )}
          {canEdit && (
            <div className="card-actions">
              <button type="button" onClick={() => edit(item.id)} aria-label={`Edit "${item.text}"`}>
                Edit
              </button>
              <button type="button" onClick={() => room.board.remove(room.board.contextItems, item.id)} aria-label={`Delete "${item.text}"`}>
                Delete
              </button>
            </div>
          )}
        </>
      )}
    </li>
  );
});

import { memo } from 'react';
import type { ContextItem } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useBoardUi } from '../../state/BoardUiContext.tsx';
import { InlineEditor } from '../../components/InlineEditor.tsx';
import { openableLink } from './openableLink.ts';

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
          {item.link && <CardLink link={item.link} />}
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

/** A card's link, opened only when it is an http(s) or mailto address; for anything else the card says it is not opened. */
function CardLink({ link }: { link: string }) {
  const openable = openableLink(link);
  if (!openable) return <p className="card-link">Link not opened: only web and mail addresses open from the board.</p>;
  return (
    <a href={openable.href} target="_blank" rel="noreferrer noopener" className="card-link">
      {openable.label}
    </a>
  );
}

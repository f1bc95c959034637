import type { CSSProperties, SyntheticEvent } from 'react';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { Candidate } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useBoardUi } from '../../state/BoardUiContext.tsx';
import { useOpenForm } from '../../state/useOpenForm.ts';
import { InlineEditor } from '../../components/InlineEditor.tsx';
import { CardMenu, type MenuItem } from '../../drafts/CardMenu.tsx';
import { TargetPicker } from './TargetPicker.tsx';
import { MergePicker } from './MergePicker.tsx';
import { dragId, dropId } from './dnd.ts';
import { cardAuthors, sameGroup } from '@okr/shared/workshop';

type Props = {
  card: Candidate;
  /** Every candidate on the board, for "Group with…" and "Merge into…". */
  all: readonly Candidate[];
  grouped: boolean;
  canEdit: boolean;
  canDelete: boolean;
  mine: boolean;
  showAuthor: boolean;
};

type Listeners = Partial<Record<'onKeyDown' | 'onMouseDown' | 'onTouchStart', (event: SyntheticEvent) => void>>;

/** A revealed candidate objective: drop another card on it to group, or use its buttons. */
export function CandidateCard({ card, all, grouped, canEdit, canDelete, mine, showAuthor }: Props) {
  const room = useRoom();
  const editingId = useBoardUi((s) => s.editingId);
  const edit = useBoardUi((s) => s.edit);
  const [picker, setPicker] = useOpenForm('targetPicker', (open) => open?.cardId === card.id);
  const picking = picker?.cardId === card.id ? picker.mode : null;
  const setPicking = (mode: 'group' | 'merge' | null) => setPicker(mode && { cardId: card.id, mode });
  const editing = canEdit && editingId === card.id;
  const drop = useDroppable({ id: dropId(card.id), disabled: !canEdit });
  const drag = useDraggable({ id: dragId(card.id), disabled: !canEdit || editing || picking !== null });
  const listeners = drag.listeners as Listeners | undefined;
  const style: CSSProperties | undefined = drag.transform ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)` } : undefined;

  // A mouse drag may start anywhere on the card except on its own controls.
  const onMouseDown = (event: SyntheticEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('button, input, select, textarea, a, [role="menu"]') && !target.closest('.drag-handle')) return;
    listeners?.onMouseDown?.(event);
  };

  const authors = cardAuthors(card).map((a) => a.name);
  const others = all.filter((c) => c.id !== card.id && !c.discarded);
  const menu: MenuItem[] = [
    { label: 'Group with…', onSelect: () => setPicking('group') },
    ...(canDelete ? [{ label: 'Delete', danger: true, onSelect: () => room.board.remove(room.board.candidates, card.id) }] : []),
  ];

  return (
    <li
      ref={(node) => {
        drop.setNodeRef(node);
        drag.setNodeRef(node);
      }}
      style={style}
      className={['card', 'candidate-card', drop.isOver && 'is-over', drag.isDragging && 'is-dragging', mine && 'is-mine', card.discarded && 'is-discarded']
        .filter(Boolean)
        .join(' ')}
      aria-label={card.text}
      onMouseDown={canEdit ? onMouseDown : undefined}
    >
      {drop.isOver && (
        <span className="candidate-drop-hint" aria-hidden="true">
          Drop to group
        </span>
      )}
      {editing ? (
        <InlineEditor
          label="Edit candidate objective"
          initial={card.text}
          onSave={(text) => {
            // Someone may have merged or deleted it meanwhile: then there is nothing left to edit.
            if (room.board.candidates.has(card.id)) room.board.update(room.board.candidates, card.id, { text });
            edit(null);
          }}
          onCancel={() => edit(null)}
        />
      ) : (
        <>
          <div className="card-head">
            {canEdit && (
              <button
                type="button"
                ref={drag.setActivatorNodeRef}
                className="candidate-handle"
                {...drag.attributes}
                aria-label={`Move "${card.text}"`}
                onKeyDown={listeners?.onKeyDown}
                onTouchStart={listeners?.onTouchStart}
              >
                <span aria-hidden="true">⠿</span>
              </button>
            )}
            <p className="card-text">{card.text}</p>
          </div>
          <p className="card-byline">
            {showAuthor && authors.length > 0 && <span className="author">{authors.join(', ')}</span>}
            {mine && <span className="draft-chip">You</span>}
            {card.discarded && <span className="draft-chip">Discarded</span>}
          </p>
          {picking === 'group' && (
            <TargetPicker
              verb="Group with"
              action="Group"
              subject={card.text}
              options={others.filter((c) => !sameGroup(c, card))}
              onPick={(targetId) => {
                if (room.board.candidates.has(targetId) && room.board.candidates.has(card.id)) room.board.groupCandidate(card.id, targetId);
                setPicking(null);
              }}
              onCancel={() => setPicking(null)}
            />
          )}
          {picking === 'merge' && (
            <MergePicker
              card={card}
              options={others}
              onMerge={(targetId, text) => {
                if (room.board.candidates.has(targetId) && room.board.candidates.has(card.id)) room.board.mergeCandidates(targetId, card.id, text);
                setPicking(null);
              }}
              onCancel={() => setPicking(null)}
            />
          )}
          {canEdit && !picking && (
            <div className="card-actions">
              <button type="button" onClick={() => edit(card.id)} aria-label={`Edit "${card.text}"`}>
                Edit
              </button>
              <button type="button" onClick={() => setPicking('merge')} aria-label={`Merge "${card.text}" into…`}>
                Merge into…
              </button>
              {grouped && (
                <button type="button" onClick={() => room.board.groupCandidate(card.id, null)} aria-label={`Ungroup "${card.text}"`}>
                  Ungroup
                </button>
              )}
              <CardMenu label={`More actions for "${card.text}"`} items={menu} />
            </div>
          )}
        </>
      )}
    </li>
  );
}

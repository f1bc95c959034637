import { memo, type CSSProperties, type KeyboardEvent, type SyntheticEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { InlineEditor } from '../components/InlineEditor.tsx';
import { CardMenu, type MenuItem } from '../drafts/CardMenu.tsx';
import { NotePicker } from './NotePicker.tsx';
import type { CanvasNote, NoteRef } from './model.ts';
import { ARROWS, NUDGE, previewTransform } from './moves.ts';
import { useNoteView, type NoteStore, type NoteView } from './noteStore.ts';
import { useNotePicker } from './useNotePicker.ts';
import { useCanvasNote } from './useCanvasNote.ts';

type Props = {
  id: string;
  /** Where its place comes from: the note subscribes to its own (and to its own card, useCanvasNote). */
  store: NoteStore;
  canEdit: boolean;
  /** Arrow keys: move the note by (dx, dy) canvas units, written at once. */
  onNudge: (note: NoteRef, dx: number, dy: number) => void;
};

type Listeners = Partial<Record<'onKeyDown' | 'onPointerDown', (event: SyntheticEvent) => void>>;


/**
 * One sticky note. It subscribes to its own place (NoteStore) and its own card (useCanvasNote), so
 * it re-renders when those change, never for a cursor or another note; memoised against its layer
 * re-rendering.
 */
export const NoteCard = memo(function NoteCard({ id, store, canEdit, onNudge }: Props) {
  const view = useNoteView(store, id);
  // Gone from the drawing in the same change that removes it from its layer.
  return view ? <Note view={view} canEdit={canEdit} onNudge={onNudge} /> : null;
});

/** The note itself, from its own card: a remote edit of it re-renders this and nothing above. */
function Note({ view, canEdit, onNudge }: { view: NoteView; canEdit: boolean; onNudge: Props['onNudge'] }) {
  const note = useCanvasNote(view);
  // Its card went in the change that removes it from the drawing, which follows in the same commit or the next.
  return note ? <NoteBody note={note} view={view} canEdit={canEdit} onNudge={onNudge} /> : null;
}

/** The drag preview is dnd-kit's transform, divided by the zoom in CSS. */
function NoteBody({ note, view: { x, y, ox, oy, faint }, canEdit, onNudge }: { note: CanvasNote; view: NoteView; canEdit: boolean; onNudge: Props['onNudge'] }) {
  const room = useRoom();
  const ui = useBoardUiStore();
  // Each note selects only what concerns it, so opening one note's editor or picker re-renders that note alone.
  const editing = useBoardUi((s) => canEdit && s.editingId === note.id);
  const edit = (id: string | null) => ui.getState().edit(id);
  const [picking, setPicker] = useNotePicker(note.id);
  const drag = useDraggable({ id: `note:${note.id}`, data: { note }, disabled: !canEdit || editing || picking !== null });
  const listeners = drag.listeners as Listeners | undefined;
  const style = {
    left: x - ox,
    top: y - oy,
    ...previewTransform(drag.transform),
  } as CSSProperties;

  const remove = () => {
    if (note.collection === 'keyResults') room.board.removeKeyResult(note.id);
    else if (note.collection === 'contextItems') room.board.remove(room.board.contextItems, note.id);
    else if (note.collection === 'candidates') room.board.remove(room.board.candidates, note.id);
    else room.board.remove(room.board.initiatives, note.id);
  };
  const menu: MenuItem[] = [
    { label: 'Edit', onSelect: () => edit(note.id) },
    { label: 'Move to cluster…', onSelect: () => setPicker({ cardId: note.id, mode: 'cluster' }) },
    ...(note.candidate ? [{ label: 'Merge into…', onSelect: () => setPicker({ cardId: note.id, mode: 'merge' as const }) }] : []),
    ...(note.canDelete ? [{ label: 'Delete', danger: true, onSelect: remove }] : []),
  ];

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget) return;
    const arrow = ARROWS[event.key];
    if (arrow && canEdit && !drag.isDragging) {
      event.preventDefault();
      const step = event.shiftKey ? NUDGE * 5 : NUDGE;
      onNudge(note, arrow[0] * step, arrow[1] * step);
      return;
    }
    listeners?.onKeyDown?.(event);
  };
  // A drag starts anywhere on the note except on its own controls.
  const onPointerDown = (event: SyntheticEvent) => {
    if ((event.target as HTMLElement).closest('button, input, select, textarea, a, [role="menu"]')) return;
    listeners?.onPointerDown?.(event);
  };

  return (
    <li
      ref={drag.setNodeRef}
      {...drag.attributes}
      role="listitem"
      aria-roledescription="sticky note"
      aria-label={note.text}
      aria-describedby={undefined}
      // dnd-kit marks a note whose drag is off (while it is edited) as disabled; the note itself is not.
      aria-disabled={undefined}
      tabIndex={0}
      className={`note tone-${note.tone} ${drag.isDragging ? 'is-dragging' : ''} ${editing || picking ? 'is-open' : ''} ${faint ? 'is-off-page' : ''}`}
      data-note-id={note.id}
      data-x={x}
      data-y={y}
      style={style}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
    >
      <span className="note-tag">{note.tag}</span>
      {editing ? (
        <InlineEditor
          label="Edit note"
          initial={note.text}
          maxLength={note.collection === 'contextItems' ? 2000 : 500}
          onSave={(text) => {
            room.board.setNoteText(note.collection, note.id, text);
            edit(null);
          }}
          onCancel={() => edit(null)}
        />
      ) : (
        <p className="note-text">{note.text}</p>
      )}
      {canEdit && !editing && <CardMenu label={`More actions for "${note.text}"`} items={menu} />}
      {picking && picking !== 'group' && <NotePicker note={note} mode={picking} onDone={() => setPicker(null)} />}
    </li>
  );
}

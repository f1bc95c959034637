import { memo } from 'react';
import type { Frame } from '@okr/shared/workshop';
import { ClusterFrame } from './ClusterFrame.tsx';
import { NoteCard } from './NoteCard.tsx';
import { useNoteShape, type NoteStore } from './noteStore.ts';
import type { NoteRef } from './model.ts';

type Props = {
  store: NoteStore;
  canEdit: boolean;
  onNudgeNote: (note: NoteRef, dx: number, dy: number) => void;
  onNudgeFrame: (frame: Frame, dx: number, dy: number) => void;
};

/**
 * The clusters and notes. Memoised on props that stay the same across remote edits and drops, so
 * the canvas re-rendering stops here; the layer itself re-renders when a frame or the set of notes
 * changes, and each note when its own place (NoteStore) or card (useCanvasNote) does.
 */
export const NoteLayer = memo(function NoteLayer({ store, canEdit, onNudgeNote, onNudgeFrame }: Props) {
  const { frames, loose } = useNoteShape(store);
  return (
    <>
      {frames.map((frame) => (
        <ClusterFrame key={frame.id} frame={frame} canEdit={canEdit} onNudge={onNudgeFrame}>
          {frame.noteIds.map((id) => (
            <NoteCard key={id} id={id} store={store} canEdit={canEdit} onNudge={onNudgeNote} />
          ))}
        </ClusterFrame>
      ))}
      <ul className="canvas-loose" aria-label="Notes">
        {loose.map((id) => (
          <NoteCard key={id} id={id} store={store} canEdit={canEdit} onNudge={onNudgeNote} />
        ))}
      </ul>
    </>
  );
});

import { useEffect, useRef, useState } from 'react';
import { useBoard } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { MergePicker } from '../steps/draft/MergePicker.tsx';
import { escapeCancels } from '../steps/draft/TargetPicker.tsx';
import type { CanvasNote } from './model.ts';
import { useCanvasStep } from './CanvasStepContext.ts';
import { useNoteShape } from './noteStore.ts';

/** The keyboard path for what a drag does: "Move to cluster…", and "Merge into…" on a candidate. */
/** `onDone` names the note that should have the keyboard next: the merged-into note after a merge. */
export function NotePicker({ note, mode, onDone }: { note: CanvasNote; mode: 'cluster' | 'merge'; onDone: (focusId?: string) => void }) {
  const room = useRoom();
  const candidates = useBoard((board) => board.candidates.list());
  if (mode === 'merge' && note.candidate) {
    return (
      <MergePicker
        card={note.candidate}
        options={candidates.filter((c) => c.id !== note.id && !c.discarded)}
        onMerge={(targetId, text) => {
          room.board.mergeCandidates(targetId, note.id, text);
          onDone(targetId);
        }}
        onCancel={() => onDone()}
      />
    );
  }
  return <ClusterPicker note={note} onDone={onDone} />;
}

function ClusterPicker({ note, onDone }: { note: CanvasNote; onDone: (focusId?: string) => void }) {
  const room = useRoom();
  const { step, store } = useCanvasStep();
  const { frames } = useNoteShape(store);
  const [target, setTarget] = useState(note.clusterId ?? '');
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const move = () => {
    const frame = frames.find((f) => f.id === target);
    if (!frame) {
      // Out of its cluster, it stays where it is drawn.
      const at = store.view(note.id);
      room.board.placeNote(note.collection, note.id, { pos: at ? { x: at.x, y: at.y } : undefined });
    } else if (frame.named) room.board.placeNote(note.collection, note.id, { clusterId: frame.id });
    else room.board.groupCandidate(note.id, frame.noteIds.find((id) => id !== note.id) ?? null);
    onDone();
  };
  return (
    <div className="target-picker" role="group" aria-label={`Move "${note.text}" to a cluster`} onKeyDown={escapeCancels(() => onDone())}>
      <label>
        Cluster
        <select ref={ref} value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">No cluster</option>
          {frames
            .filter((f) => f.named || (step === 'draft' && note.collection === 'candidates'))
            .map((f) => (
              <option key={f.id} value={f.id}>
                {f.named ? f.name || 'Unnamed cluster' : `Group of ${f.noteIds.length}`}
              </option>
            ))}
        </select>
      </label>
      <div className="card-actions">
        <button type="button" className="primary" onClick={move}>
          Move
        </button>
        <button type="button" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
    </div>
  );
}

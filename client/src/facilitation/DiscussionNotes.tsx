import { useEffect, useRef, useState } from 'react';
import type { StepId } from '@okr/shared/schema';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';

/** Typing pauses this long before the notes are written, so a sentence is one write, not forty. */
const SAVE_AFTER_MS = 600;

/**
 * The facilitator's discussion notes on a step (what was said, decisions, open questions): kept in
 * the control document, shown in the Summary and the exports. Rendered for the facilitator only.
 */
export function DiscussionNotes({ step }: { step: StepId }) {
  const room = useRoom();
  const saved = useControl().notes[step] ?? '';
  // Null while this device shows what is saved; text while the facilitator is typing.
  const [typing, setTyping] = useState<string | null>(null);
  const pending = useRef<string | null>(null);

  const save = () => {
    if (pending.current !== null && pending.current !== (room.control.state().notes[step] ?? '')) room.control.setNotes(step, pending.current);
    pending.current = null;
  };

  useEffect(() => {
    if (typing === null) return;
    const timer = setTimeout(save, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  });
  // Leaving the step (or the board) mid-sentence still keeps the sentence.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => save, [step]);

  return (
    <section className="discussion-notes" aria-label="Discussion notes">
      <label>
        <span>Discussion notes</span>
        <textarea
          value={typing ?? saved}
          rows={3}
          maxLength={4000}
          placeholder="What was said, decisions, open questions. Shown in the Summary and the exports."
          onChange={(e) => {
            pending.current = e.target.value;
            setTyping(e.target.value);
          }}
          onBlur={() => {
            save();
            setTyping(null);
          }}
        />
      </label>
    </section>
  );
}

import { useState } from 'react';
import type { PrivateWritingStep } from '@okr/shared/schema';
import { useControl, usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUi } from '../state/BoardUiContext.tsx';
import { offlineLine, offlineWithDrafts } from './lastSeenDrafts.ts';

/**
 * "Reveal all drafts". When someone left holding drafts not yet revealed, it first names them and
 * lets the facilitator wait or reveal anyway: their drafts still publish when they return.
 */
export function RevealButton({ step }: { step: PrivateWritingStep }) {
  const room = useRoom();
  const people = usePresence();
  const { anonymous } = useControl();
  const lastSeen = useBoardUi((s) => s.lastSeenDrafts);
  const [asking, setAsking] = useState(false);
  const offline = offlineWithDrafts(lastSeen, people, step);
  const reveal = () => {
    setAsking(false);
    room.control.reveal(step);
  };
  if (asking && offline.length > 0) {
    return (
      <div className="reveal-warning" role="alertdialog" aria-label="Someone is offline with drafts">
        <p>
          {offlineLine(offline)} {offline.length === 1 ? 'is' : 'are'} offline with drafts not yet revealed.{' '}
          {anonymous
            ? 'Drafts their devices handed to the server appear now; any written offline, when they come back.'
            : 'Their drafts appear when they come back.'}
        </p>
        <div className="row">
          <button type="button" onClick={() => setAsking(false)}>
            Wait
          </button>
          <button type="button" className="primary" onClick={reveal}>
            Reveal anyway
          </button>
        </div>
      </div>
    );
  }
  return (
    <button type="button" className="primary" onClick={() => (offline.length > 0 ? setAsking(true) : reveal())}>
      Reveal all drafts
    </button>
  );
}

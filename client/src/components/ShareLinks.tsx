import { useState } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';

/** The link to hand out; copied with one click. Only the facilitator sees it by default. */
export function ShareLinks() {
  const room = useRoom();
  const [copied, setCopied] = useState(false);
  if (room.access.kind === 'viewer') return null;
  const participantUrl = `${location.origin}/r/${room.access.roomId}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(participantUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="share">
      <label>
        Participant link
        <input readOnly value={participantUrl} onFocus={(e) => e.currentTarget.select()} aria-label="Participant link" />
      </label>
      <button type="button" onClick={copy}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}

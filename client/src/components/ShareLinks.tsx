import { useState } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';

/**
 * The link to hand out, copied with one click. The facilitator sees it in full; participants get
 * a compact button (a phone's header has no room for a long URL).
 */
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
  const button = (
    <button type="button" onClick={copy}>
      {copied ? 'Copied' : room.isFacilitator ? 'Copy link' : 'Copy join link'}
    </button>
  );
  if (!room.isFacilitator) return <div className="share">{button}</div>;
  return (
    <div className="share">
      <label>
        Participant link
        <input readOnly value={participantUrl} onFocus={(e) => e.currentTarget.select()} aria-label="Participant link" />
      </label>
      {button}
    </div>
  );
}

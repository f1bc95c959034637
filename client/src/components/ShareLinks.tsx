import { Suspense } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';
import { linkPanel } from '../facilitation/facilitatorChunks.ts';
import { useCopy } from './useCopy.ts';

/**
 * The link to hand out, copied with one click. The facilitator sees it in full, with the panel of
 * every link; participants get a compact button (a phone's header has no room for a long URL).
 */
export function ShareLinks() {
  const room = useRoom();
  const links = useFacilitatorLinks();
  const { copied, copy } = useCopy();
  const LinkPanel = linkPanel.Component;
  if (room.access.kind === 'viewer') return null;
  const own = room.access.kind === 'participant' && room.access.key ? `#join=${room.access.key}` : '';
  const participantUrl = links?.participantUrl ?? `${location.origin}/r/${room.access.roomId}${own}`;
  const button = (
    <button type="button" onClick={() => void copy(participantUrl)}>
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
      <Suspense fallback={null}>
        <LinkPanel />
      </Suspense>
    </div>
  );
}

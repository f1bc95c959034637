import { Suspense } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';
import { linkPanel } from '../facilitation/facilitatorChunks.ts';
import { useCopy } from './useCopy.ts';
import { PHONE_WIDTH, useMediaQuery } from './useMediaQuery.ts';

/**
 * The link to hand out, copied with one click. The facilitator sees it in full, with the panel of
 * every link; participants get a compact button (a phone's header has no room for a long URL). On a
 * phone the participant's button is an icon beside the title, and the facilitator's link moves into
 * the panel ("All links"), so the header stays one line.
 */
export function ShareLinks() {
  const room = useRoom();
  const links = useFacilitatorLinks();
  const { copied, copy } = useCopy();
  const phone = useMediaQuery(PHONE_WIDTH);
  const LinkPanel = linkPanel.Component;
  if (room.access.kind === 'viewer') return null;
  const own = room.access.kind === 'participant' && room.access.key ? `#join=${room.access.key}` : '';
  const participantUrl = links?.participantUrl ?? `${location.origin}/r/${room.access.roomId}${own}`;
  const label = copied ? 'Copied' : room.isFacilitator ? 'Copy link' : 'Copy join link';
  const copyButton = (
    <button type="button" onClick={() => void copy(participantUrl)}>
      {label}
    </button>
  );
  if (!room.isFacilitator) {
    return (
      <div className="share">
        {phone ? (
          <button type="button" className="share-icon" onClick={() => void copy(participantUrl)} aria-label={label} title={label}>
            <span aria-hidden="true">{copied ? '✓' : <LinkIcon />}</span>
          </button>
        ) : (
          copyButton
        )}
      </div>
    );
  }
  // One tree at every width: turning a tablet (or resizing a window) keeps the panel open or closed.
  return (
    <div className="share">
      {!phone && (
        <>
          <label>
            Participant link
            <input readOnly value={participantUrl} onFocus={(e) => e.currentTarget.select()} aria-label="Participant link" />
          </label>
          {copyButton}
        </>
      )}
      <Suspense fallback={null}>
        <LinkPanel participantUrl={phone ? participantUrl : null} />
      </Suspense>
    </div>
  );
}

/** Two links of a chain: what "copy the link" looks like on a phone. */
function LinkIcon() {
  return (
    <svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 13a5 5 0 0 0 7.07 0l3-3a5 5 0 0 0-7.07-7.07l-1.5 1.5" />
      <path d="M14 11a5 5 0 0 0-7.07 0l-3 3a5 5 0 0 0 7.07 7.07l1.5-1.5" />
    </svg>
  );
}

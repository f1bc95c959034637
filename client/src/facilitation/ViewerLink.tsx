import { useEffect, useState } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';

/**
 * The projector link. The server hands it out once, at creation; the facilitator's device keeps it
 * (with the key) so it can be opened again later.
 */
export function ViewerLink() {
  const room = useRoom();
  const roomId = 'roomId' in room.access ? room.access.roomId : '';
  const [viewerUrl, setViewerUrl] = useState<string | null>(null);
  useEffect(() => {
    setViewerUrl(localStorage.getItem(`okr-viewer-url:${roomId}`));
  }, [roomId]);
  if (!viewerUrl) return null;
  return (
    <a className="button-link" href={viewerUrl} target="_blank" rel="noreferrer">
      Open projector view
    </a>
  );
}

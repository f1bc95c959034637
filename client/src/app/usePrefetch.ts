import { useEffect } from 'react';
import { useConnectionStatus } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { stepComponents } from '../steps/stepComponents.ts';
import { discussionNotes, facilitatorTools, gateDialog, joinQr, loadMoveStep, presentationView } from '../facilitation/facilitatorChunks.ts';
import { historyDialog } from '../history/historyChunk.ts';

/**
 * Once the board is up (synced) and the page idle, fetches in the background the code this role
 * may need later, so moving to another step or opening a tool does not wait on the network.
 */
export function usePrefetch(): void {
  const room = useRoom();
  const connected = useConnectionStatus() === 'connected';
  useEffect(() => {
    if (!connected) return;
    const chunks: { preload: () => Promise<unknown> }[] = [...Object.values(stepComponents)];
    if (room.isFacilitator) chunks.push(facilitatorTools, discussionNotes, gateDialog, presentationView, joinQr, historyDialog, { preload: loadMoveStep });
    if (room.isViewer) chunks.push(presentationView, joinQr);
    // A failed prefetch is not an error: the chunk loads (and reports) when it is first shown.
    const prefetch = () => chunks.forEach((chunk) => void chunk.preload().catch(() => undefined));
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(prefetch, 200);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(prefetch, { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [connected, room]);
}

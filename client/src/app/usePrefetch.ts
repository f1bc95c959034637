import { useEffect, useState } from 'react';
import { useConnectionStatus, useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { stepComponents } from '../steps/stepComponents.ts';
import { canvasViews } from '../steps/canvasViews.ts';
import { discussionNotes, facilitatorTools, gateDialog, joinQr, keyResultPage, linkPanel, loadMoveStep, loadPrework, presentationView, refineOverview, spotlightDialog, spotlightView, stepTimer } from '../facilitation/facilitatorChunks.ts';
import { historyDialog } from '../history/historyChunk.ts';
import { loadTextDiff } from '@okr/shared/doc';

/**
 * Once the board is up (synced) and the page idle, fetches in the background the code this role
 * may need later, so moving to another step or opening a tool does not wait on the network.
 * Returns whether the board has been up: synced, with the code of the step on screen (once true,
 * it stays true), for work that may wait until the first cards are shown.
 */
export function usePrefetch(): boolean {
  const room = useRoom();
  const [up, setUp] = useState(false);
  const connected = useConnectionStatus() === 'connected';
  const { step } = useControl();
  useEffect(() => {
    if (!connected) return;
    let cancelled = false;
    let cancel = () => undefined as void;
    const chunks: { preload: () => Promise<unknown> }[] = [...Object.values(stepComponents), ...Object.values(canvasViews)];
    // Anyone who may write: the character differ every text edit uses (shared/src/doc/textFields.ts),
    // and the timer, which a participant sees once the facilitator starts one.
    if (!room.isViewer) chunks.push({ preload: loadTextDiff }, stepTimer);
    if (room.isFacilitator) chunks.push(facilitatorTools, linkPanel, discussionNotes, gateDialog, presentationView, joinQr, historyDialog, loadPrework, spotlightDialog, spotlightView, refineOverview, keyResultPage, { preload: loadMoveStep });
    if (room.isViewer) chunks.push(presentationView, joinQr, spotlightView, refineOverview, keyResultPage);
    // Preloads are remembered, so a later step change only re-runs this for nothing new.
    // A failed prefetch is not an error: the chunk loads (and reports) when it is first shown.
    const prefetch = () => chunks.forEach((chunk) => void chunk.preload().catch(() => undefined));
    // After the step on screen has its code, so the prefetch never competes with the first cards.
    void stepComponents[step]
      .preload()
      .catch(() => undefined)
      .then(() => {
        if (cancelled) return;
        setUp(true);
        if (typeof requestIdleCallback !== 'function') {
          const timer = setTimeout(prefetch, 200);
          cancel = () => clearTimeout(timer);
        } else {
          const idle = requestIdleCallback(prefetch, { timeout: 2000 });
          cancel = () => cancelIdleCallback(idle);
        }
      });
    return () => {
      cancelled = true;
      cancel();
    };
  }, [connected, room, step]);
  return up;
}

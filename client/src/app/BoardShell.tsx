import { Suspense, useEffect } from 'react';
import { useBoard, useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { useStepAccess } from '../sync/useStepAccess.ts';
import { useRefusal } from '../sync/useRefusal.ts';
import { ConnectionBadge, ConnectionBanner } from '../components/ConnectionBadge.tsx';
import { OverwriteNotices } from '../components/OverwriteNotices.tsx';
import { PresenceList } from '../components/PresenceList.tsx';
import { ShareLinks } from '../components/ShareLinks.tsx';
import { Stepper } from '../components/Stepper.tsx';
import { StepView } from '../steps/StepView.tsx';
import { FacilitatorBar } from '../facilitation/FacilitatorBar.tsx';
import { gateDialog, presentationView, spotlightBanner } from '../facilitation/facilitatorChunks.ts';
import { usePrefetch } from './usePrefetch.ts';
import { useRememberDrafts } from '../drafts/useRememberDrafts.ts';
import { draftPublisher } from '../drafts/draftPublisherChunk.ts';

/** The board: who and where at the top, the steps, then the group's current step. */
export function BoardShell() {
  const room = useRoom();
  const title = useBoard((board) => board.workshop().title);
  const control = useControl();
  const { projector } = useStepAccess();
  useRememberDrafts();
  const refusedFor = useRefusal();
  const boardUp = usePrefetch();
  const DraftPublisher = draftPublisher.Component;
  const PresentationView = presentationView.Component;
  const GateDialog = gateDialog.Component;
  const SpotlightBanner = spotlightBanner.Component;

  useEffect(() => {
    document.title = title ? `${title} · OKR workshop` : 'OKR workshop board';
  }, [title]);

  const refusal = refusedFor && (
    <p role="alert" className="error">
      The server refused this link: {refusedFor}. Check the link you were given.
    </p>
  );
  // Publishes this device's private drafts at a reveal, whichever step or view is on screen; its
  // code (about 1 KB gzipped) loads once the first cards are shown, out of the first load.
  const publisher = boardUp && !room.isViewer && (
    <Suspense fallback={null}>
      <DraftPublisher />
    </Suspense>
  );
  if (projector) {
    return (
      <>
        {publisher}
        {refusal}
        <Suspense fallback={null}>
          <PresentationView />
        </Suspense>
      </>
    );
  }
  return (
    <div className="board">
      {publisher}
      <header className="board-header">
        <div className="board-title">
          <h1>{title || 'OKR workshop'}</h1>
          <ConnectionBadge />
        </div>
        <PresenceList />
        <ShareLinks />
      </header>
      <OverwriteNotices />
      <Stepper current={control.step} />
      <FacilitatorBar />
      {control.spotlight && (
        <Suspense fallback={null}>
          <SpotlightBanner />
        </Suspense>
      )}
      <main className="step-area">
        {refusal}
        <StepView step={control.step} />
      </main>
      <ConnectionBanner />
      {room.isFacilitator && (
        <Suspense fallback={null}>
          <GateDialog />
        </Suspense>
      )}
    </div>
  );
}

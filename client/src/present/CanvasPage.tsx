import type { CanvasStep } from '@okr/shared/schema';
import { WritingStatus } from '../drafts/WritingStatus.tsx';
import { ContextCanvas } from '../steps/context/ContextCanvas.tsx';
import { DraftCanvas } from '../steps/draft/DraftCanvas.tsx';
import { BrainstormCanvas } from '../steps/brainstorm/BrainstormCanvas.tsx';

/**
 * A canvas step on the projector: the same canvas everyone works on, read-only, zoomed to fit (or
 * to the facilitator's view of it), so the room sees every note where its writer put it. Each
 * canvas reads its own cards, so a remote edit re-renders the note edited, not this page.
 */
export function CanvasPage({ step }: { step: CanvasStep }) {
  switch (step) {
    case 'context':
      return <ContextCanvas canEdit={false} projector />;
    case 'draft':
      return (
        <>
          <WritingStatus step="draft" />
          <DraftCanvas canEdit={false} projector />
        </>
      );
    case 'brainstorm':
      return (
        <>
          <WritingStatus step="brainstorm" />
          <BrainstormCanvas canEdit={false} projector />
        </>
      );
  }
}

import { Suspense } from 'react';
import { useControl } from '../../sync/hooks.ts';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { WritingDesk } from '../../drafts/WritingDesk.tsx';
import { PrivateWritingControls } from '../../drafts/PrivateWritingControls.tsx';
import { WritingStatus } from '../../drafts/WritingStatus.tsx';
import { CandidateBoard } from './CandidateBoard.tsx';
import { draftCanvas } from '../canvasViews.ts';
import { StepLoading } from '../StepLoading.tsx';
import { useBoardView } from '../../canvas/useBoardView.ts';
import { BoardViewToggle } from '../../canvas/BoardViewToggle.tsx';
import '../../drafts/drafts.css';
import './draft.css';
import { isPrivateWriting } from '@okr/shared/workshop';

/** Step 2: everyone drafts candidate objectives in silence, the facilitator reveals them, the room groups and merges. */
export function DraftStep({ readOnly }: { readOnly: boolean }) {
  const control = useControl();
  const { projector, canEdit, facilitating } = useStepAccess(readOnly);
  const privateOn = isPrivateWriting(control, 'draft');
  const view = useBoardView();
  const DraftCanvas = draftCanvas.Component;
  return (
    <div className={`writing-step draft-step ${projector ? 'is-projector' : ''}`}>
      {facilitating && <PrivateWritingControls step="draft" />}
      <WritingStatus step="draft" />
      {!projector && <BoardViewToggle />}
      <div className={`writing-layout ${projector ? 'no-desk' : ''}`}>
        {!projector && (
          <WritingDesk step="draft" canEdit={canEdit} label="Candidate objective" placeholder={privateOn ? 'e.g. Make checkout effortless for first-time buyers' : 'Add a candidate objective to the board'} editLabel="Edit draft objective" />
        )}
        {view === 'canvas' ? (
          <Suspense fallback={<StepLoading />}>
            <DraftCanvas canEdit={canEdit} projector={projector} />
          </Suspense>
        ) : ( <CandidateBoard canEdit={canEdit} />
        )}
      </div>
    </div>
  );
}

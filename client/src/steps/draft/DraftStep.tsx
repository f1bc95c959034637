import { useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useCanEdit } from '../../sync/useCanEdit.ts';
import { AddCard } from '../../drafts/AddCard.tsx';
import { MyDrafts } from '../../drafts/MyDrafts.tsx';
import { PrivateWritingControls } from '../../drafts/PrivateWritingControls.tsx';
import { WritingStatus } from '../../drafts/WritingStatus.tsx';
import { useDraftPublisher } from '../../drafts/useDraftPublisher.ts';
import { useProjector } from '../../drafts/useProjector.ts';
import { CandidateBoard } from './CandidateBoard.tsx';
import '../../drafts/drafts.css';
import './draft.css';

/** Step 2: everyone drafts candidate objectives in silence, the facilitator reveals them, the room groups and merges. */
export function DraftStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const control = useControl();
  const projector = useProjector();
  const canEdit = useCanEdit() && !readOnly && !projector;
  useDraftPublisher();
  const privateOn = control.privateWriting.draft ?? true;
  return (
    <div className={`writing-step draft-step ${projector ? 'is-projector' : ''}`}>
      {room.isFacilitator && !readOnly && !projector && <PrivateWritingControls step="draft" />}
      <WritingStatus step="draft" />
      <div className={`writing-layout ${projector ? 'no-desk' : ''}`}>
        {!projector && (
          <div className="writing-desk">
            {canEdit && (
              <AddCard
                step="draft"
                label="Candidate objective"
                placeholder={privateOn ? 'e.g. Make checkout effortless for first-time buyers' : 'Add a candidate objective to the board'}
              />
            )}
            <MyDrafts step="draft" canEdit={canEdit} editLabel="Edit draft objective" />
          </div>
        )}
        <CandidateBoard canEdit={canEdit} />
      </div>
    </div>
  );
}

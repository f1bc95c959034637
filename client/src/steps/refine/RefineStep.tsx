import { useMemo } from 'react';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { AddKeyResult } from './AddKeyResult.tsx';
import { DeletedKeyResult } from './DeletedKeyResult.tsx';
import { CyclePanel } from './CyclePanel.tsx';
import { FindingList } from './FindingList.tsx';
import { KeepAllConfidence } from './KeepAllConfidence.tsx';
import { KeyResultCard } from './KeyResultCard.tsx';
import { ObjectivePanel } from './ObjectivePanel.tsx';
import { dateContext, findingsFor } from './reviewBoard.ts';
import { REVIEW_YEAR, useBoardReview, useDismissals, useWorkshop } from './useReview.ts';
import { useUndoableDelete } from './useUndoableDelete.ts';
import { useIsMine } from '../../drafts/useMine.ts';
import './refine.css';

/**
 * Step 6: each key result as a structured card the room fills together, with live SMART chips and
 * review findings beside it, a blind confidence vote, and THE objective's links to its context.
 * The checks advise; nothing here blocks.
 */
export function RefineStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const { canEdit, projector: presenting } = useStepAccess(readOnly);
  const control = useControl();
  const workshop = useWorkshop();
  const context = useBoard((board) => board.contextItems.list());
  const keyResults = useBoard((board) => board.keyResults.list());
  const findings = useBoardReview();
  const dismissedBy = useDismissals();
  const dates = useMemo(() => dateContext(workshop, REVIEW_YEAR), [workshop]);
  const { objective, confidenceRevealed } = control;
  // SMART "Relevant" counts only links to context items that still exist.
  const objectiveLinks = useMemo(
    () => (objective ? { contextIds: objective.contextIds.filter((id) => context.some((item) => item.id === id)) } : null),
    [objective, context],
  );
  const unrevealed = keyResults.filter((kr) => !confidenceRevealed[kr.id]);
  const isMine = useIsMine();
  const { deleted, remove, restore } = useUndoableDelete();
  const deletedNotice = deleted && <DeletedKeyResult key="deleted" deleted={deleted} onUndo={restore} />;

  return (
    <div className={`refine-step${presenting ? ' refine-presenting' : ''}`}>
      <div className="refine-top">
        <ObjectivePanel objective={objective} context={context} findings={findingsFor(findings, dismissedBy, ['objective', 'board'])} canEdit={canEdit} />
        <CyclePanel workshop={workshop} canEdit={canEdit} />
      </div>

      <div className="refine-bar">
        <h3 id="kr-heading">
          Key results <span className="muted">({keyResults.length})</span>
        </h3>
        {canEdit && room.isFacilitator && unrevealed.length > 1 && (
          <button type="button" onClick={() => room.control.revealConfidence(unrevealed.map((kr) => kr.id))}>
            Reveal all confidence votes
          </button>
        )}
        {canEdit && room.isFacilitator && <KeepAllConfidence keyResults={keyResults} revealed={confidenceRevealed} />}
      </div>
      {keyResults.length === 0 && <p className="muted">No key results yet. Write them in step 5, or add one here.</p>}
      <ul className="kr-list" aria-labelledby="kr-heading">
        {keyResults.flatMap((kr, index) => [
          index === deleted?.index && deletedNotice,
          <KeyResultCard
            key={kr.id}
            kr={kr}
            index={index}
            findings={findingsFor(findings, dismissedBy, ['keyResult'], kr.id)}
            dates={dates}
            objective={objectiveLinks}
            revealed={confidenceRevealed[kr.id] === true}
            canEdit={canEdit}
            // As in the brainstorm: the facilitator, or whoever wrote it.
            onDelete={canEdit && (room.isFacilitator || isMine(kr)) ? () => remove(kr, index) : undefined}
          />,
        ])}
        {deleted && deleted.index >= keyResults.length && deletedNotice}
      </ul>
      {canEdit && <AddKeyResult />}

      <FindingList label="Checks for initiatives and parked items" heading="Initiatives and parked items" findings={findingsFor(findings, dismissedBy, ['initiative', 'parked'])} canEdit={canEdit} />
    </div>
  );
}

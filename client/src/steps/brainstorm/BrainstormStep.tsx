import { Suspense, useMemo } from 'react';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { WritingDesk } from '../../drafts/WritingDesk.tsx';
import { PrivateWritingControls } from '../../drafts/PrivateWritingControls.tsx';
import { WritingStatus } from '../../drafts/WritingStatus.tsx';
import { useIsMine } from '../../drafts/useMine.ts';
import { InitiativesLane } from './InitiativesLane.tsx';
import { KeyResultCard } from './KeyResultCard.tsx';
import { ObjectiveBanner } from './ObjectiveBanner.tsx';
import { brainstormCanvas } from '../canvasViews.ts';
import { StepLoading } from '../StepLoading.tsx';
import { useBoardView } from '../../canvas/useBoardView.ts';
import { BoardViewToggle } from '../../canvas/BoardViewToggle.tsx';
import { taskLikeKeyResults } from './initiativeHints.ts';
import '../../drafts/drafts.css';
import './brainstorm.css';
import { isPrivateWriting } from '@okr/shared/workshop';
import type { KeyResult } from '@okr/shared/schema';
import { groupByCluster } from '../clusterGroups.ts';
import { ClusterGroup } from '../ClusterGroup.tsx';

/** Step 5: key results for THE objective, drafted in silence and revealed; actions move to initiatives. */
export function BrainstormStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const control = useControl();
  const { projector, canEdit, facilitating } = useStepAccess(readOnly);
  const keyResults = useBoard((board) => board.keyResults.list());
  const dismissedKeys = useBoard((board) => [...board.dismissedFindings()].sort().join('\n'));
  const isMine = useIsMine();
  const objectiveTitle = control.objective?.title;
  const findings = useMemo(
    () => taskLikeKeyResults(objectiveTitle, keyResults, new Set(dismissedKeys ? dismissedKeys.split('\n') : [])),
    [objectiveTitle, keyResults, dismissedKeys],
  );
  // Canvas clusters show in the list view too; key results and initiatives each group in their own lane.
  const clusters = useBoard((board) => board.clusters.list());
  const krGroups = useMemo(() => groupByCluster(keyResults, clusters, 'brainstorm'), [keyResults, clusters]);
  const renderKeyResult = (kr: KeyResult) => (
    <KeyResultCard key={kr.id} kr={kr} finding={findings.get(kr.id)} canEdit={canEdit} canDelete={canEdit && (room.isFacilitator || isMine(kr))} mine={isMine(kr)} />
  );
  const privateOn = isPrivateWriting(control, 'brainstorm');
  const view = useBoardView();
  const BrainstormCanvas = brainstormCanvas.Component;

  return (
    <div className={`writing-step brainstorm-step ${projector ? 'is-projector' : ''}`}>
      <ObjectiveBanner />
      {facilitating && <PrivateWritingControls step="brainstorm" />}
      <WritingStatus step="brainstorm" />
      {!projector && <BoardViewToggle />}
      <div className={`brainstorm-layout ${projector ? 'no-desk' : ''}`}>
        {!projector && (
          <WritingDesk step="brainstorm" canEdit={canEdit} label="Key result" placeholder={privateOn ? 'e.g. Checkout conversion from 58% to 65% by 30 Sep' : 'Add a key result to the board'} editLabel="Edit draft key result" />
        )}
        {view === 'canvas' ? (
          <Suspense fallback={<StepLoading />}>
            <BrainstormCanvas canEdit={canEdit} projector={projector} />
          </Suspense>
        ) : (
          <>
        <section className="lane bs-kr-lane" aria-label="Key results">
          <h3>
            Key results <span className="count">({keyResults.length})</span>
          </h3>
          {keyResults.length === 0 && (
            <p className="muted empty">{privateOn ? 'Key results appear here, all at once, when the facilitator reveals the drafts.' : 'No key results yet.'}</p>
          )}
          <ul className="cards">
            {krGroups.groups.map((group) => (
              <ClusterGroup key={group.id} label={group.label}>
                {group.cards.map(renderKeyResult)}
              </ClusterGroup>
            ))}
            {krGroups.loose.map(renderKeyResult)}
          </ul>
        </section>
        <InitiativesLane keyResults={keyResults} clusters={clusters} canEdit={canEdit} />
          </>
        )}
      </div>
    </div>
  );
}

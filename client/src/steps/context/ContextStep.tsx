import { Suspense, useMemo } from 'react';
import { CONTEXT_KINDS, CONTEXT_KIND_LABELS, type ContextKind } from '@okr/shared/schema';
import { useBoard } from '../../sync/hooks.ts';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { ContextCard } from './ContextCard.tsx';
import { AddContextItem } from './AddContextItem.tsx';
import { loadPrework } from '../../facilitation/facilitatorChunks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useBoardView } from '../../canvas/useBoardView.ts';
import { BoardViewToggle } from '../../canvas/BoardViewToggle.tsx';
import { contextCanvas } from '../canvasViews.ts';
import { StepLoading } from '../StepLoading.tsx';
import { groupByCluster } from '../clusterGroups.ts';
import { ClusterGroup } from '../ClusterGroup.tsx';

/**
 * Step 1: the strategic context, as cards grouped by kind. The step itself reads only whether
 * there are cards: the canvas and the lanes read their own, so a remote edit re-renders what shows
 * that card, not the step.
 */
export function ContextStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const empty = useBoard((board) => board.contextItems.list().length === 0);
  const { canEdit, projector } = useStepAccess(readOnly);
  const view = useBoardView();
  const LoadPrework = loadPrework.Component;
  const ContextCanvas = contextCanvas.Component;
  return (
    <div className="context-step">
      {canEdit && <AddContextItem />}
      {canEdit && room.isFacilitator && empty && (
        <Suspense fallback={null}>
          <LoadPrework />
        </Suspense>
      )}
      {!projector && <BoardViewToggle />}
      {empty && <p className="muted">No context yet. Add the mission, company objectives, product vision and strategy, and any pre-work.</p>}
      {view === 'canvas' ? (
        <Suspense fallback={<StepLoading />}>
          <ContextCanvas canEdit={canEdit} projector={projector} />
        </Suspense>
      ) : (
        <ContextLanes canEdit={canEdit} />
      )}
    </div>
  );
}

/** The list view: the canvas clusters first, each a named group, then a lane per kind for the cards in none. */
function ContextLanes({ canEdit }: { canEdit: boolean }) {
  const items = useBoard((board) => board.contextItems.list());
  const clusters = useBoard((board) => board.clusters.list());
  const { groups, loose } = useMemo(() => groupByCluster(items, clusters, 'context'), [items, clusters]);
  const kinds = CONTEXT_KINDS.filter((kind) => loose.some((item) => item.kind === kind));
  return (
    <div className="lanes">
      {groups.length > 0 && (
        <section className="lane" aria-label="Clusters">
          <h3>Clusters</h3>
          <ul className="cards">
            {groups.map((group) => (
              <ClusterGroup key={group.id} label={group.label}>
                {group.cards.map((item) => (
                  <ContextCard key={item.id} item={item} canEdit={canEdit} />
                ))}
              </ClusterGroup>
            ))}
          </ul>
        </section>
      )}
      {kinds.map((kind: ContextKind) => (
        <section key={kind} className="lane" aria-label={CONTEXT_KIND_LABELS[kind]}>
          <h3>{CONTEXT_KIND_LABELS[kind]}</h3>
          <ul className="cards">
            {loose
              .filter((item) => item.kind === kind)
              .map((item) => (
                <ContextCard key={item.id} item={item} canEdit={canEdit} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

import { Suspense } from 'react';
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

/** Step 1: the strategic context, as cards grouped by kind. */
export function ContextStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const items = useBoard((board) => board.contextItems.list());
  const { canEdit, projector } = useStepAccess(readOnly);
  const view = useBoardView();
  const LoadPrework = loadPrework.Component;
  const ContextCanvas = contextCanvas.Component;
  const kinds = CONTEXT_KINDS.filter((kind) => items.some((item) => item.kind === kind));
  return (
    <div className="context-step">
      {canEdit && <AddContextItem />}
      {canEdit && room.isFacilitator && items.length === 0 && (
        <Suspense fallback={null}>
          <LoadPrework />
        </Suspense>
      )}
      {!projector && <BoardViewToggle />}
      {items.length === 0 && <p className="muted">No context yet. Add the mission, company objectives, product vision and strategy, and any pre-work.</p>}
      {view === 'canvas' ? (
        <Suspense fallback={<StepLoading />}>
          <ContextCanvas items={items} canEdit={canEdit} projector={projector} />
        </Suspense>
      ) : (
      <div className="lanes">
        {kinds.map((kind: ContextKind) => (
          <section key={kind} className="lane" aria-label={CONTEXT_KIND_LABELS[kind]}>
            <h3>{CONTEXT_KIND_LABELS[kind]}</h3>
            <ul className="cards">
              {items
                .filter((item) => item.kind === kind)
                .map((item) => (
                  <ContextCard key={item.id} item={item} canEdit={canEdit} />
                ))}
            </ul>
          </section>
        ))}
      </div>
      )}
    </div>
  );
}

import { useMemo, useState } from 'react';
import { DndContext, KeyboardSensor, MouseSensor, TouchSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type UniqueIdentifier } from '@dnd-kit/core';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIsMine } from '../../drafts/useMine.ts';
import { CandidateCard } from './CandidateCard.tsx';
import { announcements, cardIdOf, collide, keyboardCoordinates, screenReaderInstructions, UNGROUP_ZONE } from './dnd.ts';
import { groupCandidates, isPrivateWriting } from '@okr/shared/workshop';
import { POINTER_DRAG, TOUCH_DRAG } from '../dragSensors.ts';
import { clusterLabel } from '../clusterGroups.ts';
import { ClusterGroup } from '../ClusterGroup.tsx';

const KEYBOARD_DRAG = { coordinateGetter: keyboardCoordinates, scrollBehavior: 'auto' } as const;

/** The revealed candidate objectives, groups side by side; cards are grouped by dropping one on another. */
export function CandidateBoard({ canEdit }: { canEdit: boolean }) {
  const room = useRoom();
  const control = useControl();
  const candidates = useBoard((board) => board.candidates.list());
  // A cluster named on the canvas keeps its name here: the list is the same board, for phones and screen readers.
  const clusters = useBoard((board) => board.clusters.list());
  const clusterNames = useMemo(() => new Map(clusters.map((c) => [c.id, c.name])), [clusters]);
  const isMine = useIsMine();
  const [dragging, setDragging] = useState<string | null>(null);
  const units = useMemo(() => groupCandidates(candidates), [candidates]);
  const sensors = useSensors(useSensor(MouseSensor, POINTER_DRAG), useSensor(TouchSensor, TOUCH_DRAG), useSensor(KeyboardSensor, KEYBOARD_DRAG));
  const groupName = (clusterId: string | undefined, size: number) => clusterLabel(clusterId ? clusterNames.get(clusterId) : undefined, size);
  const textOf = (id: UniqueIdentifier) => room.board.candidates.get(cardIdOf(id))?.text ?? 'card';
  const draggedCard = dragging ? candidates.find((c) => c.id === dragging) : undefined;
  const draggingGrouped = Boolean(draggedCard && units.some((u) => u.cards.length > 1 && u.cards.includes(draggedCard)));

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!over) return;
    const cardId = cardIdOf(active.id);
    if (!room.board.candidates.has(cardId)) return;
    if (over.id === UNGROUP_ZONE) room.board.groupCandidate(cardId, null);
    else {
      const targetId = cardIdOf(over.id);
      const card = room.board.candidates.get(cardId);
      const target = room.board.candidates.get(targetId);
      if (card && target && targetId !== cardId && !(card.clusterId && card.clusterId === target.clusterId)) room.board.groupCandidate(cardId, targetId);
    }
  };

  const renderCard = (card: (typeof candidates)[number], grouped: boolean) => (
    <CandidateCard
      key={card.id}
      card={card}
      all={candidates}
      grouped={grouped}
      canEdit={canEdit}
      canDelete={canEdit && (room.isFacilitator || isMine(card))}
      mine={isMine(card)}
      showAuthor={!control.anonymous}
    />
  );

  return (
    <section className="candidate-board" aria-label="Candidate objectives">
      <h3>
        Candidate objectives <span className="count">({candidates.length})</span>
      </h3>
      {candidates.length === 0 && (
        <p className="muted empty">
          {isPrivateWriting(control, 'draft') ? 'Cards appear here, all at once, when the facilitator reveals the drafts.' : 'No candidate objectives yet.'}
        </p>
      )}
      {canEdit && candidates.length > 1 && <p className="muted hint">Drag a card onto another to group similar ones (or use a card’s ⋯ menu); “Merge into…” folds a duplicate into another card.</p>}
      <DndContext
        sensors={sensors}
        collisionDetection={collide}
        accessibility={{ announcements: announcements(textOf), screenReaderInstructions }}
        onDragStart={({ active }) => setDragging(cardIdOf(active.id))}
        onDragCancel={() => setDragging(null)}
        onDragEnd={onDragEnd}
      >
        <ul className="candidate-units">
          {units.map((unit) =>
            unit.cards.length > 1 ? (
              <ClusterGroup key={unit.key} label={groupName(unit.cards[0]!.clusterId, unit.cards.length)}>
                {unit.cards.map((card) => renderCard(card, true))}
              </ClusterGroup>
            ) : (
              renderCard(unit.cards[0]!, false)
            ),
          )}
        </ul>
        {draggingGrouped && <UngroupZone />}
      </DndContext>
    </section>
  );
}

function UngroupZone() {
  const { setNodeRef, isOver } = useDroppable({ id: UNGROUP_ZONE });
  return (
    <div ref={setNodeRef} className={`ungroup-zone ${isOver ? 'is-over' : ''}`}>
      Drop here to take the card out of its group
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useDroppable, useSensor, useSensors, type DragEndEvent, type DragOverEvent, type DragStartEvent } from '@dnd-kit/core';
import { assignLanes, LANES, LANE_TITLES, planMove, unsortedCandidates, type Lane, type LaneItem, type MovePlan } from '@okr/shared/workshop';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { useOpenForm } from '../../state/useOpenForm.ts';
import { ObjectiveBanner } from '../pick/ObjectiveBanner.tsx';
import { isLane, laneAnnouncements, laneCollision, laneCoordinateGetter, SCREEN_READER_INSTRUCTIONS } from './laneDnd.ts';
import { LaneCard } from './LaneCard.tsx';
import { ParkForm, type ParkFields } from './ParkForm.tsx';
import { AddToParkingLot } from './AddToParkingLot.tsx';
import { POINTER_DRAG } from '../dragSensors.ts';
import './park.css';

/** The drag in progress on this device: which card, and the lane it would land in. Never shared. */
type Drag = { key: string; over: Lane | null };

const KEYBOARD_DRAG = { coordinateGetter: laneCoordinateGetter };

const LANE_HINTS: Record<Lane, string> = {
  unsorted: 'Still to decide: park or discard each one.',
  parked: 'Matters, not this quarter: kept with a reason.',
  discarded: 'Let go: not parked, not chosen.',
};

/**
 * Step 4: every candidate that is not THE objective is parked with a reason, or discarded. Cards
 * move between three lanes by drag and drop (pointer or keyboard) or with plain buttons; the drag
 * preview stays on this device and the document is written once, on drop.
 */
export function ParkStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const control = useControl();
  const { projector, canEdit } = useStepAccess(readOnly);
  const candidates = useBoard((board) => board.candidates.list());
  const parked = useBoard((board) => board.parked.list());
  const clusters = useBoard((board) => board.clusters.list());
  const clusterNames = useMemo(() => new Map(clusters.map((c) => [c.id, c.name])), [clusters]);
  const objective = control.objective;
  const lanes = useMemo(() => assignLanes(candidates, parked, objective), [candidates, parked, objective]);
  const unsorted = unsortedCandidates({ control, candidates, parked }).length;

  const [form, setForm] = useOpenForm('parkForm');
  const [drag, setDrag] = useState<Drag | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const focusAfter = useRef<string | null>(null);

  const byKey = useMemo(() => new Map(LANES.flatMap((lane) => lanes[lane].map((item) => [item.key, item] as const))), [lanes]);
  const find = useCallback((key: string) => byKey.get(key), [byKey]);

  // After a move the card is in another lane (a new element): put keyboard focus back on it.
  useEffect(() => {
    const key = focusAfter.current;
    if (!key) return;
    focusAfter.current = null;
    document.querySelector<HTMLElement>(`[data-lane-key="${CSS.escape(key)}"] .park-drag-handle`)?.focus();
  }, [lanes, form]);

  const sensors = useSensors(useSensor(PointerSensor, POINTER_DRAG), useSensor(KeyboardSensor, KEYBOARD_DRAG));

  const write = (plan: Extract<MovePlan, { kind: 'write' }>) => {
    try {
      if (plan.removeParkedId) room.board.unpark(plan.removeParkedId, { discard: plan.discarded });
      else room.board.setDiscarded(plan.candidateId, plan.discarded);
      focusAfter.current = plan.candidateId ? `c:${plan.candidateId}` : null;
      setNotice(null);
    } catch (err) {
      setNotice(err instanceof Error ? err.message : 'That move did not save.');
    }
  };

  const move = (item: LaneItem, to: Lane) => {
    const plan = planMove(item, to);
    switch (plan.kind) {
      case 'stay':
        return;
      case 'refuse':
        setNotice(plan.reason);
        return;
      case 'ask-reason':
        setNotice(null);
        setForm({ kind: 'park', key: item.key, text: item.text });
        return;
      case 'write':
        write(plan);
    }
  };

  // `text` is the card's as the form opened; the candidate is read now, in case it changed meanwhile.
  const park = ({ key, text }: { key: string; text: string }, fields: ParkFields) => {
    const now = find(key);
    if (!now || now.lane === 'parked') {
      setNotice(`Someone else moved “${text}” meanwhile: nothing was changed.`);
      setForm(null);
      return;
    }
    const { candidate } = now;
    const id = candidate ? room.board.parkCandidate(candidate.id, fields) : room.board.addParkedItem({ ...fields, text });
    focusAfter.current = `p:${id}`;
    setForm(null);
  };

  const saveEdit = (item: LaneItem, fields: ParkFields) => {
    if (!item.parked) return;
    room.board.update(room.board.parked, item.parked.id, {
      text: fields.text,
      reason: fields.reason,
      ownerName: fields.ownerName,
      ownerEmail: fields.ownerEmail,
      revisitDate: fields.revisitDate,
    });
    focusAfter.current = item.key;
    setForm(null);
  };

  const cancelForm = () => {
    if (form) focusAfter.current = form.key;
    setForm(null);
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    const item = find(String(active.id));
    setNotice(null);
    setDrag(item ? { key: item.key, over: item.lane } : null);
  };
  const onDragOver = ({ over }: DragOverEvent) => {
    setDrag((current) => current && { ...current, over: isLane(over?.id) ? over.id : null });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDrag(null);
    const item = find(String(active.id));
    if (item && isLane(over?.id)) move(item, over.id);
  };

  const dragged = drag ? find(drag.key) : undefined;
  const parkingKey = form?.kind === 'park' ? form.key : null;

  return (
    <div className={`park-step ${projector ? 'is-projector' : ''}`}>
      {objective ? (
        <ObjectiveBanner objective={objective} compact />
      ) : (
        <p className="park-no-objective">No objective confirmed yet: THE objective is chosen in step 3. You can sort the rest meanwhile.</p>
      )}
      <div className="park-toolbar">
        <p className={`park-status ${unsorted === 0 ? 'is-done' : ''}`} role="status">
          <strong>{unsorted} still unsorted</strong>
          {unsorted === 0 && candidates.length > 0 && <span> · every other candidate is parked or discarded</span>}
        </p>
        {canEdit && (
          <AddToParkingLot
            onAdd={(fields) => {
              const id = room.board.addParkedItem({ ...fields });
              focusAfter.current = `p:${id}`;
            }}
          />
        )}
      </div>
      {notice && (
        <p role="alert" className="error">
          {notice}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={laneCollision}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDrag(null)}
        accessibility={{ announcements: laneAnnouncements(find), screenReaderInstructions: SCREEN_READER_INSTRUCTIONS, restoreFocus: false }}
      >
        <div className="lanes park-lanes">
          {LANES.map((lane) => (
            <LaneColumn
              key={lane}
              lane={lane}
              count={lanes[lane].length}
              preview={dragged && drag?.over === lane && dragged.lane !== lane ? dragPreviewText(dragged, lane) : null}
            >
              {lane === 'parked' && form?.kind === 'park' && (
                <li key={`park-${form.key}`} className="card park-form-card">
                  <ParkForm
                    label={`Park "${form.text}"`}
                    heading={`Park “${form.text}”`}
                    withText={false}
                    submitLabel="Park"
                    onSubmit={(fields) => park(form, fields)}
                    onCancel={cancelForm}
                  />
                </li>
              )}
              {lanes[lane].map((item) => (
                <LaneCard
                  key={item.key}
                  item={item}
                  canEdit={canEdit}
                  dragging={drag?.key === item.key || parkingKey === item.key}
                  onMove={(to) => move(item, to)}
                  onPark={() => move(item, 'parked')}
                  cluster={item.candidate?.clusterId ? clusterNames.get(item.candidate.clusterId) : undefined}
                  onEdit={() => setForm({ kind: 'edit', key: item.key, text: item.text })}
                  onRemove={() => room.board.remove(room.board.parked, item.parked?.id ?? '')}
                >
                  {form?.kind === 'edit' && form.key === item.key && item.parked ? (
                    <ParkForm
                      label={`Edit "${item.text}"`}
                      withText
                      initial={item.parked}
                      submitLabel="Save"
                      onSubmit={(fields) => saveEdit(item, fields)}
                      onCancel={cancelForm}
                    />
                  ) : undefined}
                </LaneCard>
              ))}
              {lanes[lane].length === 0 && !(lane === 'parked' && form?.kind === 'park') && (
                <li className="park-lane-empty">{lane === 'unsorted' ? 'Nothing left to sort.' : 'Nothing here yet.'}</li>
              )}
            </LaneColumn>
          ))}
        </div>
        <DragOverlay dropAnimation={null}>{dragged ? <div className="card park-drag-overlay">{dragged.text}</div> : null}</DragOverlay>
      </DndContext>
      {!projector && <p className="muted park-hint">{canEdit ? 'Drag a card by its handle (or press Space on the handle, then the arrow keys), or use its buttons.' : ''}</p>}
    </div>
  );
}

/**
 * One lane, a drop target. `preview` is what dropping the dragged card here would do; it floats
 * over the lane so the layout never shifts mid-drag (the lanes' measured rects stay true).
 */
function LaneColumn({ lane, count, preview, children }: { lane: Lane; count: number; preview: string | null; children: ReactNode }) {
  const { setNodeRef } = useDroppable({ id: lane });
  return (
    <section ref={setNodeRef} className={`lane park-lane park-lane-${lane} ${preview ? 'is-drop-target' : ''}`} aria-label={LANE_TITLES[lane]}>
      <h3>
        {LANE_TITLES[lane]} <span className="park-lane-count">{count}</span>
      </h3>
      <p className="park-lane-hint">{LANE_HINTS[lane]}</p>
      <ul className="cards">{children}</ul>
      {preview && (
        <p className="park-drop-preview" aria-hidden="true">
          {preview}
        </p>
      )}
    </section>
  );
}

function dragPreviewText(item: LaneItem, lane: Lane): string {
  const plan = planMove(item, lane);
  if (plan.kind === 'refuse') return 'Cannot go here';
  if (plan.kind === 'ask-reason') return `Drop to park “${item.text}”: you give the reason next`;
  return lane === 'discarded' ? `Drop to discard “${item.text}”` : `Drop to move “${item.text}” back`;
}

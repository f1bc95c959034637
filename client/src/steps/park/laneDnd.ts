import { pointerWithin, rectIntersection, type Announcements, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';
import { LANES, LANE_TITLES, neighbourLane, planMove, type Lane, type LaneItem } from '@okr/shared/workshop';

export function isLane(value: unknown): value is Lane {
  return typeof value === 'string' && (LANES as readonly string[]).includes(value);
}

const STEP_CODES: Record<string, 1 | -1> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * Keyboard drag between lanes: each arrow press jumps the card to the next or previous lane (in
 * reading order, so it works whether the lanes sit side by side or stacked on a phone).
 */
export const laneCoordinateGetter: KeyboardCoordinateGetter = (event, { context }) => {
  const delta = STEP_CODES[event.code];
  if (!delta) return undefined;
  event.preventDefault();
  const from = context.over?.id ?? context.active?.data.current?.lane;
  if (!isLane(from)) return undefined;
  const rect = context.droppableRects.get(neighbourLane(from, delta));
  return rect ? { x: rect.left + 8, y: rect.top + 8 } : undefined;
};

/**
 * The pointer's lane for a mouse or touch drag; for a keyboard drag (no pointer) the lane holding
 * the card's top-left corner, which the coordinate getter puts just inside the target lane.
 */
export const laneCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const within = pointerWithin(args);
    return within.length > 0 ? within : rectIntersection(args);
  }
  return pointerWithin({ ...args, pointerCoordinates: { x: args.collisionRect.left + 1, y: args.collisionRect.top + 1 } });
};

export const SCREEN_READER_INSTRUCTIONS = {
  draggable:
    'To move this card, press Space or Enter. While moving it, the arrow keys take it to the next or previous lane: Unsorted, Parked, Discarded. Press Space or Enter to drop it there, or Escape to cancel.',
};

/** What a screen reader hears at each moment of a drag, in the lanes' own words. */
export function laneAnnouncements(find: (key: string) => LaneItem | undefined): Announcements {
  const name = (id: string | number) => `"${find(String(id))?.text ?? 'the card'}"`;
  const laneOf = (id: string | number | undefined) => (isLane(id) ? LANE_TITLES[id] : null);
  return {
    onDragStart: ({ active }) => {
      const item = find(String(active.id));
      return `Picked up ${name(active.id)} from ${item ? LANE_TITLES[item.lane] : 'its lane'}.`;
    },
    onDragOver: ({ active, over }) => {
      const lane = laneOf(over?.id);
      return lane ? `${name(active.id)} is over ${lane}.` : `${name(active.id)} is not over a lane.`;
    },
    onDragEnd: ({ active, over }) => {
      const item = find(String(active.id));
      const to = over?.id;
      if (!item || !isLane(to)) return `${name(active.id)} was dropped outside the lanes: nothing changed.`;
      const plan = planMove(item, to);
      switch (plan.kind) {
        case 'stay':
          return `${name(active.id)} stays in ${LANE_TITLES[to]}.`;
        case 'refuse':
          return plan.reason;
        case 'ask-reason':
          return `${name(active.id)} dropped on Parked: give a reason to park it.`;
        case 'write':
          return `${name(active.id)} moved to ${LANE_TITLES[to]}.`;
      }
    },
    onDragCancel: ({ active }) => {
      const item = find(String(active.id));
      return `Moving ${name(active.id)} was cancelled: it stays in ${item ? LANE_TITLES[item.lane] : 'its lane'}.`;
    },
  };
}

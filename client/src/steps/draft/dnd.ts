import { pointerWithin, type Announcements, type CollisionDetection, type KeyboardCoordinateGetter, type UniqueIdentifier } from '@dnd-kit/core';
import { nextTarget, type Box, type Direction } from './keyboardTargets.ts';

/** Droppable ids: a card (drop onto it to group) or the "ungroup" zone. */
export const UNGROUP_ZONE = 'drop:ungroup';
export const dragId = (cardId: string) => `drag:${cardId}`;
export const dropId = (cardId: string) => `drop:${cardId}`;
export const cardIdOf = (id: UniqueIdentifier) => String(id).replace(/^(drag|drop):/, '');

const DIRECTIONS: Record<string, Direction> = { ArrowRight: 'right', ArrowLeft: 'left', ArrowDown: 'down', ArrowUp: 'up' };

/** Keyboard drags jump from card to card (and to the ungroup zone) instead of creeping by pixels. */
export const keyboardCoordinates: KeyboardCoordinateGetter = (event, { active, context }) => {
  const direction = DIRECTIONS[event.code];
  if (!direction) return undefined;
  event.preventDefault();
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const boxes: Box[] = [];
  for (const container of droppableContainers.getEnabled()) {
    if (container.id === dropId(cardIdOf(active))) continue;
    const rect = droppableRects.get(container.id);
    if (rect) boxes.push({ id: String(container.id), left: rect.left, top: rect.top, width: rect.width, height: rect.height });
  }
  const target = nextTarget({ left: collisionRect.left, top: collisionRect.top }, boxes, direction);
  const rect = target ? droppableRects.get(target) : undefined;
  return rect ? { x: rect.left, y: rect.top } : undefined;
};

/**
 * With a pointer: the card under the pointer. With the keyboard: the card whose place the dragged
 * card has jumped to. Never the dragged card itself.
 */
export const collide: CollisionDetection = (args) => {
  const own = dropId(cardIdOf(args.active.id));
  const droppableContainers = args.droppableContainers.filter((c) => c.id !== own);
  if (args.pointerCoordinates) return pointerWithin({ ...args, droppableContainers });
  const at = args.collisionRect;
  const hits = [];
  for (const container of droppableContainers) {
    const rect = args.droppableRects.get(container.id);
    if (!rect) continue;
    const distance = Math.hypot(rect.left - at.left, rect.top - at.top);
    if (distance < 8) hits.push({ id: container.id, data: { droppableContainer: container, value: distance } });
  }
  return hits.sort((a, b) => a.data.value - b.data.value);
};

/** What a screen reader hears while a card is dragged; `textOf` names cards by their text. */
export function announcements(textOf: (id: UniqueIdentifier) => string): Announcements {
  const target = (id: UniqueIdentifier) => (id === UNGROUP_ZONE ? 'the ungroup area' : `"${textOf(id)}"`);
  return {
    onDragStart: ({ active }) => `Picked up "${textOf(active.id)}". Arrow keys move onto another card, Space groups them, Escape cancels.`,
    onDragOver: ({ active, over }) =>
      over ? `"${textOf(active.id)}" is over ${target(over.id)}. Press Space to ${over.id === UNGROUP_ZONE ? 'take it out of its group' : 'group them'}.` : `"${textOf(active.id)}" is not over a card.`,
    onDragEnd: ({ active, over }) =>
      over ? (over.id === UNGROUP_ZONE ? `"${textOf(active.id)}" taken out of its group.` : `"${textOf(active.id)}" grouped with ${target(over.id)}.`) : `"${textOf(active.id)}" put back.`,
    onDragCancel: ({ active }) => `Moving "${textOf(active.id)}" cancelled; nothing changed.`,
  };
}

export const screenReaderInstructions = {
  draggable: 'To group this card with another, press Space, use the arrow keys to move onto the other card, then press Space again. Escape cancels. The card menu has "Group with…" too.',
};

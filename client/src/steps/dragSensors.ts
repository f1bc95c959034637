/**
 * dnd-kit sensor options the steps' boards share (the park lanes and the draft board), made once.
 * dnd-kit memoises each sensor on its options object, so a literal written in a render rebuilt the
 * sensors, and handed every draggable a new context, on every render (as the canvas found,
 * client/src/canvas/Canvas.tsx, which keeps its own: its notes start a drag after 5 px).
 */

/** A pointer drag starts after 6 px, so a click on a card's buttons stays a click. */
export const POINTER_DRAG = { activationConstraint: { distance: 6 } };

/** A touch drag starts after a 200 ms press that moves under 8 px, so a swipe still scrolls the page. */
export const TOUCH_DRAG = { activationConstraint: { delay: 200, tolerance: 8 } };

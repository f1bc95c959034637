/** The DOM id of a key result's card in the Refine step, for jumps to it. */
export function keyResultCardId(keyResultId: string): string {
  return `kr-card-${keyResultId}`;
}

/** Frames to wait for the card when the jump first moves the group to the Refine step. */
const MAX_FRAMES = 120;

/** Scrolls the key result's card into view and focuses it, once it is on screen. */
export function focusKeyResultCard(keyResultId: string, frames = MAX_FRAMES): void {
  const card = document.getElementById(keyResultCardId(keyResultId));
  if (card) {
    card.scrollIntoView({ block: 'start', behavior: 'auto' });
    card.focus({ preventScroll: true });
    return;
  }
  if (frames > 0) requestAnimationFrame(() => focusKeyResultCard(keyResultId, frames - 1));
}

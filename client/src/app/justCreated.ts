/** Marks a board this tab just created, so its link panel opens once to show the facilitator link to keep. */
export function markJustCreated(roomId: string): void {
  sessionStorage.setItem('okr-just-created', roomId);
}

/** Whether `roomId` was just created here; asking clears the mark. */
export function takeJustCreated(roomId: string): boolean {
  if (!roomId || sessionStorage.getItem('okr-just-created') !== roomId) return false;
  sessionStorage.removeItem('okr-just-created');
  return true;
}

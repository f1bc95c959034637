/** Marks a board this tab just created, so its link panel opens once to show the facilitator link to keep. */
export function markJustCreated(roomId: string): void {
  sessionStorage.setItem('okr-just-created', roomId);
}

/** Whether `roomId` was just created here (read only: a render may ask twice). */
export function wasJustCreated(roomId: string): boolean {
  return roomId !== '' && sessionStorage.getItem('okr-just-created') === roomId;
}

/** The mark has done its job: the panel opened once. */
export function forgetJustCreated(roomId: string): void {
  if (wasJustCreated(roomId)) sessionStorage.removeItem('okr-just-created');
}

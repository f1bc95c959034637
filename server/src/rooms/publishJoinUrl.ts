import { ControlDoc, docFromUpdates, ORIGIN } from '@okr/shared/doc';
import type { RoomStore } from '../store/roomStore.ts';

/**
 * After the participant link is rotated, the projector's QR code shows the new one. A hidden QR
 * code (joinUrl null) stays hidden. `loaded` is the relay's control document when the room is in
 * memory (its write is stored and broadcast like any other); otherwise the store is written.
 */
export function publishJoinUrl(store: RoomStore, roomId: string, joinUrl: string, loaded: ControlDoc | undefined): void {
  if (loaded) {
    if (loaded.state().joinUrl !== null) loaded.set({ joinUrl }, ORIGIN.facilitator);
    return;
  }
  const control = new ControlDoc(docFromUpdates(store.loadDoc(roomId, 'control').updates));
  if (control.state().joinUrl === null) return;
  const updates: Uint8Array[] = [];
  control.ydoc.on('update', (update: Uint8Array) => updates.push(update));
  control.set({ joinUrl }, ORIGIN.facilitator);
  store.appendUpdates(roomId, 'control', updates);
}

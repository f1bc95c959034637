import { ControlDoc, docFromUpdates, ORIGIN } from '@okr/shared/doc';
import type { RoomStore } from '../store/roomStore.ts';

/**
 * After the participant link is rotated, the projector's QR code shows the new one. A hidden QR
 * code (joinUrl null) stays hidden. `loaded` is the relay's control document when the room is in
 * memory (its write is stored and broadcast like any other); otherwise the store is written.
 */
export function publishJoinUrl(store: RoomStore, roomId: string, joinUrl: string, loaded: ControlDoc | undefined): void {
  if (loaded) return setJoinUrl(loaded, joinUrl);
  const updates = joinUrlUpdates(store.loadDoc(roomId, 'control').updates, joinUrl);
  if (updates.length > 0) store.appendUpdates(roomId, 'control', updates);
}

/**
 * publishJoinUrl for shared mode: a room loaded here writes its control document (committed and
 * published like any edit); otherwise the update is computed from PostgreSQL's copy and appended
 * through the log (`append`), which the instances holding the room follow.
 */
export async function publishJoinUrlShared(readControl: () => Promise<Uint8Array[]>, append: (update: Uint8Array) => Promise<void>, joinUrl: string, loaded: ControlDoc | undefined): Promise<void> {
  if (loaded) return setJoinUrl(loaded, joinUrl);
  for (const update of joinUrlUpdates(await readControl(), joinUrl)) await append(update);
}

function setJoinUrl(control: ControlDoc, joinUrl: string): void {
  if (control.state().joinUrl !== null) control.set({ joinUrl }, ORIGIN.facilitator);
}

/** The updates that show `joinUrl` on a stored control document (none while its QR code is hidden). */
function joinUrlUpdates(stored: Uint8Array[], joinUrl: string): Uint8Array[] {
  const control = new ControlDoc(docFromUpdates(stored));
  const updates: Uint8Array[] = [];
  control.ydoc.on('update', (update: Uint8Array) => updates.push(update));
  setJoinUrl(control, joinUrl);
  return updates;
}

import type { Awareness } from 'y-protocols/awareness';
import type { BoardDoc, ControlDoc } from '@okr/shared/doc';
import { updatePresence } from './presence.ts';

/**
 * Tells the others which Yjs client id this device writes under (presence `writer`), so overwrite
 * notices can name the winner, but only while the board is known not to be anonymous: before the
 * control document has synced its default says "not anonymous" whatever the board is, so nothing
 * is published until the connection is up. Turning anonymity on withdraws it at once.
 */
export function publishWriterWhileNamed(
  board: BoardDoc,
  control: ControlDoc,
  awareness: Awareness,
  isConnected: () => boolean,
  onStatus: (listener: () => void) => () => void,
): () => void {
  let published: number | undefined;
  const follow = () => {
    // An anonymous board withdraws it even while reconnecting: the last state we saw was anonymous.
    const named = !control.state().anonymous && (isConnected() || published !== undefined);
    const writer = named ? board.ydoc.clientID : undefined;
    if (writer === published) return;
    published = writer;
    updatePresence(awareness, { writer });
  };
  const offs = [control.subscribe(follow), board.subscribe(follow), onStatus(follow)];
  follow();
  return () => offs.forEach((off) => off());
}

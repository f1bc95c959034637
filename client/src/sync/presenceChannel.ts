import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { messageAwareness, messageQueryAwareness, type WebsocketProvider } from 'y-websocket';

type Change = { added: number[]; updated: number[]; removed: number[] };

/**
 * Carries `presence` over the provider's socket in place of the provider's own awareness.
 * `presence` keys this device by a random id of its own, not the board's Yjs client id, so the
 * presence list cannot be joined with the writers of the document (issue 14). y-websocket assumes
 * the two ids are equal (it announces and keeps `doc.clientID` on connect and disconnect), so its
 * own awareness is left empty and silent, and this sends, receives and answers queries for ours:
 * only this device's changes go out (y-websocket would echo everyone's back to the server), the
 * full local state on each connect, and everyone else is dropped on disconnect, as y-websocket does.
 */
export function carryPresence(provider: WebsocketProvider, presence: awarenessProtocol.Awareness): () => void {
  provider.awareness.setLocalState(null);
  const send = (clients: number[]) => {
    if (!provider.wsconnected || !provider.ws) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(presence, clients));
    provider.ws.send(encoding.toUint8Array(encoder));
  };
  const onUpdate = ({ added, updated, removed }: Change, origin: unknown) => {
    if (origin !== provider) send([...added, ...updated, ...removed].filter((id) => id === presence.clientID));
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected' && presence.getLocalState() !== null) send([presence.clientID]);
    if (status === 'disconnected') {
      const others = [...presence.getStates().keys()].filter((id) => id !== presence.clientID);
      awarenessProtocol.removeAwarenessStates(presence, others, provider);
    }
  };
  provider.messageHandlers[messageAwareness] = (_encoder, decoder) => {
    awarenessProtocol.applyAwarenessUpdate(presence, decoding.readVarUint8Array(decoder), provider);
  };
  provider.messageHandlers[messageQueryAwareness] = (encoder) => {
    encoding.writeVarUint(encoder, messageAwareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(presence, [...presence.getStates().keys()]));
  };
  presence.on('update', onUpdate);
  provider.on('status', onStatus);
  return () => {
    presence.off('update', onUpdate);
    provider.off('status', onStatus);
  };
}

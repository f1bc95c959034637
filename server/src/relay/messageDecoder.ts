import * as decoding from 'lib0/decoding';
import { MESSAGE, SYNC } from './protocol.ts';

/** What a y-websocket frame asks of the room, decoded completely before the room sees it. */
export type RelayEvent =
  /** Sync step 1: the client's state vector; it wants what it lacks. */
  | { kind: 'syncRequest'; stateVector: Uint8Array }
  /** Sync step 2 or an update: a change to the document. */
  | { kind: 'update'; update: Uint8Array }
  /** An awareness update: someone's presence. */
  | { kind: 'presence'; update: Uint8Array }
  /** A request for everyone's presence. */
  | { kind: 'presenceQuery' }
  /** y-websocket's auth message; the relay authenticates by link instead and ignores it. */
  | { kind: 'auth' }
  /** A room request (MESSAGE.request): JSON text, parsed and checked by the room's request handler. */
  | { kind: 'request'; json: string };

export class MalformedMessageError extends Error {
  override name = 'MalformedMessageError';
}

/**
 * Turns one binary frame into a typed event, or throws (MalformedMessageError for an unknown
 * type, lib0's errors for truncated fields), as hocuspocus's MessageReceiver reads its frames.
 * Trailing bytes are ignored, as y-protocols does.
 */
export function decodeMessage(frame: Uint8Array): RelayEvent {
  const decoder = decoding.createDecoder(frame);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE.sync:
      return decodeSync(decoder);
    case MESSAGE.awareness:
      return { kind: 'presence', update: decoding.readVarUint8Array(decoder) };
    case MESSAGE.queryAwareness:
      return { kind: 'presenceQuery' };
    case MESSAGE.auth:
      return { kind: 'auth' };
    case MESSAGE.request:
      return { kind: 'request', json: decoding.readVarString(decoder) };
    default:
      throw new MalformedMessageError(`unknown message type ${type}`);
  }
}

function decodeSync(decoder: decoding.Decoder): RelayEvent {
  const kind = decoding.readVarUint(decoder);
  if (kind === SYNC.step1) return { kind: 'syncRequest', stateVector: decoding.readVarUint8Array(decoder) };
  if (kind === SYNC.step2 || kind === SYNC.update) return { kind: 'update', update: decoding.readVarUint8Array(decoder) };
  throw new MalformedMessageError(`unknown sync message ${kind}`);
}

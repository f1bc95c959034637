import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { MESSAGE_REQUEST } from '@okr/shared/protocol';

/** Top-level message types: y-websocket's four, and our room request channel (shared/src/protocol). */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3, request: MESSAGE_REQUEST } as const;

/** One request-channel frame carrying `body` as JSON. */
export function encodeRoomMessage(body: unknown): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.request);
  encoding.writeVarString(encoder, JSON.stringify(body));
  return encoding.toUint8Array(encoder);
}
/** Sync sub-messages (y-protocols/sync). */
export const SYNC = { step1: syncProtocol.messageYjsSyncStep1, step2: syncProtocol.messageYjsSyncStep2, update: syncProtocol.messageYjsUpdate } as const;

/** Sync step 1: our state vector, so the client sends what we lack. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what a client with `stateVector` lacks of `doc`. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** One sync "update" message carrying `update`: encoded once per broadcast, sent to every connection. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * y-protocols' auth "permission denied" message: a stock client logs the reason and stays
 * connected; ours shows it. Sent when a participant's board edit meets the lock.
 */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.auth);
  authProtocol.writePermissionDenied(encoder, reason);
  return encoding.toUint8Array(encoder);
}

/** Why a participant's board edit was refused; the client matches it to hold its edits. */
export const LOCKED_REASON = 'board is locked by the facilitator';

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE.awareness);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

/**
 * Websocket close codes and reasons a client (and a log reader) can act on. y-websocket's stock
 * client treats 4400-4499 as final (it stops reconnecting) and everything else as transient.
 */
export const CLOSE = {
  goingAway: { code: 1001, reason: 'server going away' },
  /** Undecodable frames, text frames, unknown message types. */
  malformed: { code: 1007, reason: 'malformed message' },
  /** A decodable update that does not apply (missing dependencies, corrupt structs): the client resyncs. */
  unappliable: { code: 1007, reason: 'update does not apply to this document' },
  policy: { code: 1008, reason: 'not allowed' },
  /**
   * Final: the update would leave a record outside the board's schema (docs/board-document.md).
   * Retrying would send the same content again; the reason names the field and what is wrong.
   */
  outOfSchema: { code: 4422, reason: 'update does not fit the board schema', withDetail: true },
  /**
   * An update under a Yjs client id another seat (or the server) owns. Transient on purpose: a stock
   * client without a seat secret that reconnects before its dead socket is swept gets a new seat
   * and must retry; once the old seat's last connection is gone its ids are free again.
   */
  foreignClientId: { code: 4503, reason: 'update written under a Yjs client id that belongs to someone else in this room', withDetail: true },
  /** A board update that wrote ballots or confidence votes into the board, or a participant's change to a kept confidence. */
  notYours: { code: 1008, reason: 'votes go to the server and the kept confidence is the facilitator\'s: update refused' },
  tooManyRequests: { code: 1008, reason: 'too many sync requests' },
  tooBig: { code: 1009, reason: 'message too big' },
  docTooBig: { code: 4413, reason: 'room document is full' },
  roomFull: { code: 4529, reason: 'room is full, try again later' },
  /** MAX_CONNECTIONS_PER_ROOM_PER_IP: the room has seats, but not for more from this address. */
  addressFull: { code: 4529, reason: 'too many connections to this room from your address' },
  /** A presence state over MAX_PRESENCE_BYTES. */
  presenceTooBig: { code: 1009, reason: 'presence state too big' },
  /** Transient: more piled up past the edit budget than a paused socket can deliver. */
  tooManyEdits: { code: 4529, reason: 'too many edits from this connection, slow down' },
  tooSlow: { code: 4508, reason: 'client too slow' },
  noPong: { code: 4000, reason: 'no pong' },
  serverBusy: { code: 1013, reason: 'server busy, try again later' },
  /** Shared mode: a commit failed or timed out; this instance dropped its copy. Transient: the client reconnects (through the load balancer, elsewhere) and resends its edits. */
  storeUnavailable: { code: 1013, reason: 'store unavailable, reconnect' },
  /** Final: the link (or key) was rotated; the holder needs the new one. */
  revoked: { code: 4410, reason: 'this link no longer opens this board' },
} as const;

export type CloseName = keyof typeof CLOSE;

/** A websocket close reason is at most 123 bytes of UTF-8. */
const MAX_REASON_BYTES = 123;

/** The close reason for `name`: its fixed text, followed by the detail where the entry says so, cut to fit. */
export function closeReason(name: CloseName, detail?: string): string {
  const spec: { reason: string; withDetail?: boolean } = CLOSE[name];
  let reason = spec.withDetail && detail ? `${spec.reason}: ${detail}` : spec.reason;
  while (Buffer.byteLength(reason) > MAX_REASON_BYTES) reason = `${[...reason].slice(0, -2).join('')}…`;
  return reason;
}

import * as encoding from 'lib0/encoding';

/**
 * The three wire dialects the load generator speaks. `yws` is the y-websocket protocol (ours and the
 * reference server); `hocuspocus` prefixes every message with the document name and wants an auth
 * message first; `bare` is y-websocket framing relayed verbatim by a server that understands none of it.
 */
export type Dialect = 'yws' | 'hocuspocus' | 'bare';

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SYNC_REPLY = 4;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;

export type Framer = {
  /** What a client sends as soon as the socket opens. */
  hello(stateVector: Uint8Array): Uint8Array[];
  update(update: Uint8Array): Uint8Array;
  step2(update: Uint8Array): Uint8Array;
  awareness(awarenessUpdate: Uint8Array): Uint8Array;
  /** What kind of server message this is, for the handshake; `other` for everything else. */
  classify(message: Buffer): 'step1' | 'step2' | 'other';
};

function frame(docName: string | null, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (docName !== null) encoding.writeVarString(encoder, docName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Encoders and a cheap classifier for one dialect (and, for Hocuspocus, one document name). */
export function framer(dialect: Dialect, docName: string): Framer {
  const prefix = dialect === 'hocuspocus' ? docName : null;
  const sync = (kind: number, payload: Uint8Array) =>
    frame(prefix, (e) => {
      encoding.writeVarUint(e, SYNC);
      encoding.writeVarUint(e, kind);
      encoding.writeVarUint8Array(e, payload);
    });
  // Hocuspocus messages start with the document name; skip it to find the message type.
  const bodyOffset = prefix === null ? 0 : encoding.encode((e) => encoding.writeVarString(e, prefix)).byteLength;
  return {
    hello: (stateVector) => {
      if (dialect === 'bare') return [];
      const step1 = sync(STEP1, stateVector);
      if (dialect === 'yws') return [step1];
      const auth = frame(prefix, (e) => {
        encoding.writeVarUint(e, AUTH);
        encoding.writeVarUint(e, 0); // token
        encoding.writeVarString(e, '');
      });
      return [auth, step1];
    },
    update: (update) => sync(UPDATE, update),
    step2: (update) => sync(STEP2, update),
    awareness: (awarenessUpdate) =>
      frame(prefix, (e) => {
        encoding.writeVarUint(e, AWARENESS);
        encoding.writeVarUint8Array(e, awarenessUpdate);
      }),
    classify: (message) => {
      const type = message[bodyOffset];
      if (type !== SYNC && type !== SYNC_REPLY) return 'other';
      const kind = message[bodyOffset + 1];
      return kind === STEP1 ? 'step1' : kind === STEP2 ? 'step2' : 'other';
    },
  };
}

/** One awareness entry, encoded as y-protocols does: count, client id, clock, JSON state. */
export function encodeAwareness(clientId: number, clock: number, state: unknown): Uint8Array {
  return encoding.encode((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  });
}

/**
 * Every edit and presence update carries a marker `~E<sender>:<seq>:<t>~` (or `~P…~`) inside its
 * Yjs content or presence JSON, where `t` is the send time in units of 10 µs of the generator's
 * clock. Markers survive every server's re-encoding (y-websocket, Hocuspocus, our batching) as
 * plain ASCII, so a receiver finds them by scanning the raw frame, without decoding Yjs.
 */
export type MarkerKind = 'E' | 'P';
export const TICKS_PER_MS = 100;

export function marker(kind: MarkerKind, sender: number, seq: number, t: number): string {
  return `~${kind}${sender}:${seq}:${Math.round(t * TICKS_PER_MS)}~`;
}

const TILDE = 0x7e;
const E = 0x45;
const P = 0x50;
const COLON = 0x3a;

/** Calls `found` for each well-formed marker in `message`. */
export function scanMarkers(message: Buffer, found: (kind: MarkerKind, sender: number, seq: number, t: number) => void): void {
  let i = message.indexOf(TILDE);
  while (i !== -1 && i < message.length - 1) {
    const kindByte = message[i + 1];
    if (kindByte === E || kindByte === P) {
      const parsed = parseFields(message, i + 2);
      if (parsed) {
        found(kindByte === E ? 'E' : 'P', parsed[0], parsed[1], parsed[2] / TICKS_PER_MS);
        i = message.indexOf(TILDE, parsed[3] + 1);
        continue;
      }
    }
    i = message.indexOf(TILDE, i + 1);
  }
}

const fields: [number, number, number, number] = [0, 0, 0, 0];

/** Three colon-separated decimal fields closed by `~`; returns them and the closing index, or null. */
function parseFields(message: Buffer, start: number): [number, number, number, number] | null {
  let field = 0;
  let value = 0;
  let digits = 0;
  for (let j = start; j < message.length && j < start + 40; j++) {
    const c = message[j]!;
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      digits++;
    } else if (c === COLON && digits > 0 && field < 2) {
      fields[field++] = value;
      value = 0;
      digits = 0;
    } else if (c === TILDE && digits > 0 && field === 2) {
      fields[2] = value;
      fields[3] = j;
      return fields;
    } else {
      return null;
    }
  }
  return null;
}

import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** A committed document update as it crosses instances: which document, its sequence number, its bytes, and who committed it. */
export type DocUpdateMessage = { instance: string; doc: string; seq: number; update: Uint8Array };

const VERSION = 1;

export function encodeDocUpdate(message: DocUpdateMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, VERSION);
  encoding.writeVarString(encoder, message.instance);
  encoding.writeVarString(encoder, message.doc);
  encoding.writeVarUint(encoder, message.seq);
  encoding.writeVarUint8Array(encoder, message.update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Throws on anything that is not a whole message of this version: the bus is ours, but a bad frame must not reach a document. */
export function decodeDocUpdate(bytes: Uint8Array): DocUpdateMessage {
  const decoder = decoding.createDecoder(bytes);
  const version = decoding.readVarUint(decoder);
  if (version !== VERSION) throw new Error(`bus message version ${version}, expected ${VERSION}`);
  const message = {
    instance: decoding.readVarString(decoder),
    doc: decoding.readVarString(decoder),
    seq: decoding.readVarUint(decoder),
    update: decoding.readVarUint8Array(decoder),
  };
  if (decoding.hasContent(decoder)) throw new Error('bus message has trailing bytes');
  return message;
}

/** Presence crossing instances: an awareness update of the sender's own people, or a query for everyone's (a room just opened there). */
export type PresenceMessage = { instance: string; kind: 'states'; update: Uint8Array } | { instance: string; kind: 'query' };

export function encodePresenceMessage(message: PresenceMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, VERSION);
  encoding.writeVarString(encoder, message.instance);
  encoding.writeVarUint(encoder, message.kind === 'states' ? 0 : 1);
  if (message.kind === 'states') encoding.writeVarUint8Array(encoder, message.update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

export function decodePresenceMessage(bytes: Uint8Array): PresenceMessage {
  const decoder = decoding.createDecoder(bytes);
  const version = decoding.readVarUint(decoder);
  if (version !== VERSION) throw new Error(`bus message version ${version}, expected ${VERSION}`);
  const instance = decoding.readVarString(decoder);
  const kind = decoding.readVarUint(decoder);
  if (kind > 1) throw new Error(`unknown presence message kind ${kind}`);
  const message: PresenceMessage = kind === 0 ? { instance, kind: 'states', update: decoding.readVarUint8Array(decoder) } : { instance, kind: 'query' };
  if (decoding.hasContent(decoder)) throw new Error('bus message has trailing bytes');
  return message;
}

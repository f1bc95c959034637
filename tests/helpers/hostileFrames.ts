import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { BoardDoc } from '@okr/shared/doc';
import type { Prng } from './prng.ts';
import { awarenessMessage, updateMessage } from './rawSocket.ts';
import { craftUpdate } from './craftUpdate.ts';

/**
 * Frames a hostile client sends. `survivable` kinds are odd but legal (replays, empty updates,
 * presence, queries): the server must answer them without closing. The others may or may not
 * close the connection (a mutated update sometimes still decodes and applies); none may hurt
 * anyone else.
 */
export const SURVIVABLE = {
  validUpdate: 8,
  replayedUpdate: 12,
  emptyUpdate: 6,
  presence: 16,
  presenceEcho: 6,
  syncStep1: 1,
  queryAwareness: 1,
  authMessage: 2,
} as const;

export const HOSTILE = {
  randomBytes: 1.2,
  truncatedMessage: 1,
  mutatedUpdate: 4.5,
  mutatedPresence: 1.5,
  hugeVarint: 0.5,
  nonYjsUpdate: 0.8,
  gapUpdate: 0.4,
  foreignDependency: 0.4,
  forwardReference: 0.2,
  dependencyCycle: 0.2,
  subdocument: 0.1,
  outOfSchema: 0.02,
  presenceNotJson: 0.5,
  presenceNotObject: 0.3,
  presenceFlood: 0.2,
  textFrame: 0.2,
  unknownMessageType: 0.2,
  garbageStateVector: 0.3,
} as const;

export type FrameKind = keyof typeof SURVIVABLE | keyof typeof HOSTILE;
export type Frame = { kind: FrameKind; data: Uint8Array | string; survivable: boolean };

/**
 * The document a hostile worker writes legal edits from, kept across its connections (one after
 * another), so the room gains one Yjs client per worker rather than one per connection.
 */
export class HostileWriter {
  readonly doc = new Y.Doc();
  /** Its legal edits are the board's own: the server refuses anything outside the board's schema. */
  readonly board = new BoardDoc(this.doc);
  readonly sent: Uint8Array[] = [];

  constructor(prng: Prng) {
    this.doc.clientID = prng.uint32();
  }
}

/** One hostile connection: its presence id, and the frames it makes. */
export class HostileConnection {
  private readonly doc: Y.Doc;
  private readonly board: BoardDoc;
  private readonly sent: Uint8Array[];
  private readonly presenceId: number;
  private presenceClock = 0;
  private queries = 0;

  constructor(
    private readonly prng: Prng,
    private readonly templates: readonly Uint8Array[],
    writer: HostileWriter,
    private readonly roomStateVector: () => Uint8Array,
  ) {
    this.doc = writer.doc;
    this.board = writer.board;
    this.sent = writer.sent;
    this.presenceId = prng.uint32();
  }

  next(): Frame {
    const pool = this.queries >= 8 ? { ...SURVIVABLE, syncStep1: 0, queryAwareness: 0 } : SURVIVABLE;
    const survivable = this.prng.chance(sum(pool) / (sum(pool) + sum(HOSTILE)));
    const kind = survivable ? this.prng.weighted(pool) : this.prng.weighted(HOSTILE);
    return { kind, data: this.make(kind), survivable };
  }

  private make(kind: FrameKind): Uint8Array | string {
    const p = this.prng;
    switch (kind) {
      case 'validUpdate':
        return updateMessage(this.edit());
      case 'replayedUpdate':
        return updateMessage(this.sent.length > 0 ? p.pick(this.sent) : Y.encodeStateAsUpdate(new Y.Doc()));
      case 'emptyUpdate':
        return syncMessage(p.chance(0.5) ? 1 : 2, Y.encodeStateAsUpdate(new Y.Doc()));
      case 'presence':
        return awarenessMessage([{ clientId: this.presenceId, clock: ++this.presenceClock, state: JSON.stringify(randomPresence(p)) }]);
      case 'presenceEcho':
        // What stock clients do: repeat others' entries at the clock the server already has, or
        // try to clear them.
        return awarenessMessage([
          p.chance(0.5) ? { clientId: p.uint32(), clock: 0, state: JSON.stringify(randomPresence(p)) } : { clientId: p.uint32(), clock: p.between(1, 1e6), state: 'null' },
        ]);
      case 'syncStep1':
        // Mostly what a reconnecting client asks (it has nearly everything), sometimes everything.
        this.queries++;
        return syncMessage(0, p.chance(0.8) ? this.roomStateVector() : Y.encodeStateVector(this.doc));
      case 'queryAwareness':
        this.queries++;
        return new Uint8Array([3]);
      case 'authMessage':
        return concat(new Uint8Array([2]), p.bytes(p.between(0, 16)));
      case 'randomBytes':
        return p.bytes(p.between(0, 96));
      case 'truncatedMessage': {
        const whole = updateMessage(p.pick(this.templates));
        return whole.slice(0, p.between(0, whole.length - 1));
      }
      case 'mutatedUpdate':
        return mutate(p, updateMessage(p.chance(0.5) ? p.pick(this.templates) : scratchEdit(p)), p.between(1, 4));
      case 'mutatedPresence':
        return mutate(p, awarenessMessage([{ clientId: this.presenceId, clock: ++this.presenceClock, state: JSON.stringify(randomPresence(p)) }]), p.between(1, 3));
      case 'hugeVarint':
        return p.pick([
          new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
          new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]),
          new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 1]),
          concat(new Uint8Array([0, 2, 20, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f]), p.bytes(10)),
          concat(new Uint8Array([0, 0, 12, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f])),
        ]);
      case 'nonYjsUpdate':
        return syncMessage(p.chance(0.5) ? 2 : 1, p.bytes(p.between(1, 200)));
      case 'gapUpdate': {
        const doc = new Y.Doc();
        doc.clientID = p.uint32();
        doc.getArray('fuzzList').push(['skipped']);
        const before = Y.encodeStateVector(doc);
        doc.getArray('fuzzList').push(['sent without what it follows']);
        return updateMessage(Y.encodeStateAsUpdate(doc, before));
      }
      case 'foreignDependency': {
        const other = new Y.Doc();
        other.clientID = p.uint32();
        other.getArray('fuzzList').push(['never sent']);
        const doc = new Y.Doc();
        doc.clientID = p.uint32();
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
        const before = Y.encodeStateVector(doc);
        doc.getArray('fuzzList').insert(1, ['builds on it']);
        return updateMessage(Y.encodeStateAsUpdate(doc, before));
      }
      case 'forwardReference': {
        const client = p.uint32();
        return updateMessage(craftUpdate([{ client, items: [{ clock: 0, origin: [client, p.between(1, 100)], content: { string: 'ahead of itself' } }] }]));
      }
      case 'dependencyCycle': {
        const [a, b] = [p.uint32(), p.uint32()];
        return updateMessage(
          craftUpdate([
            { client: a, items: [{ clock: 0, origin: [b, 0], content: { string: 'a' } }] },
            { client: b, items: [{ clock: 0, origin: [a, 0], content: { string: 'b' } }] },
          ]),
        );
      }
      case 'outOfSchema': {
        // Valid Yjs that integrates, in a root the board has, holding what its schema does not.
        const doc = new Y.Doc();
        doc.clientID = p.uint32();
        const card = new Y.Map<unknown>();
        card.set('text', p.chance(0.5) ? 'x'.repeat(p.between(1001, 3000)) : 'fine');
        card.set('order', p.chance(0.5) ? 'first' : 1);
        if (p.chance(0.5)) card.set('payload', randomValue(p));
        doc.getMap(p.pick(['candidates', 'contextItems'])).set(`fuzz${p.int(1e6)}`, card);
        return updateMessage(Y.encodeStateAsUpdate(doc));
      }
      case 'subdocument': {
        const doc = new Y.Doc();
        doc.clientID = p.uint32();
        doc.getMap('fuzz').set('sub', new Y.Doc());
        return updateMessage(Y.encodeStateAsUpdate(doc));
      }
      case 'presenceNotJson':
        return awarenessMessage([{ clientId: this.presenceId, clock: ++this.presenceClock, state: p.pick(['{"user": ', 'undefined', "{'a': 1}", '\u0000', 'NaN', '{"a":1}}']) }]);
      case 'presenceNotObject':
        return awarenessMessage([{ clientId: this.presenceId, clock: ++this.presenceClock, state: p.pick(['42', '"name"', '[1,2]', 'true']) }]);
      case 'presenceFlood':
        return awarenessMessage(Array.from({ length: p.between(5, 40) }, () => ({ clientId: p.uint32(), clock: 1, state: '{"user":{"name":"puppet"}}' })));
      case 'textFrame':
        return p.pick(['hello', '{"type":"sync"}', '\u0000\u0001']);
      case 'unknownMessageType':
        return concat(new Uint8Array([p.between(4, 127)]), p.bytes(p.between(0, 8)));
      case 'garbageStateVector':
        return syncMessage(0, p.bytes(p.between(0, 40)));
    }
  }

  /** A small random edit of this connection's own board, through the app's own writes, remembered for replays. */
  private edit(): Uint8Array {
    const p = this.prng;
    const before = Y.encodeStateVector(this.doc);
    const cards = this.board.candidates.list();
    const text = () => p.pick(['a', 'Ü', '😀', 'text ', '\u0000']).repeat(p.between(1, 20));
    this.doc.transact(() => {
      const what = p.int(5);
      if (what === 0 || cards.length === 0) this.board.addCandidate({ text: text() });
      else if (what === 1) this.board.remove(this.board.candidates, p.pick(cards).id);
      else if (what === 2) this.board.update(this.board.candidates, p.pick(cards).id, { text: `${p.pick(cards).text.slice(0, 200)}${text()}` });
      else if (what === 3) this.board.updateWorkshop({ title: `fuzz ${p.int(1000)}`, team: text() });
      else this.board.dismissFinding(`rule:k${p.int(20)}`, text());
    });
    const update = Y.encodeStateAsUpdate(this.doc, before);
    this.sent.push(update);
    return update;
  }
}

/** Richer updates to mutate: every content type Yjs has, nested types, formatting, deletes. */
export function updateTemplates(prng: Prng, count = 40): Uint8Array[] {
  const templates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const doc = new Y.Doc();
    doc.clientID = prng.uint32();
    const map = doc.getMap('fuzz');
    map.set('string', 'value');
    map.set('number', prng.int(1e9));
    map.set('json', { a: [1, 2, { b: null }], c: 'd' });
    map.set('binary', prng.bytes(8));
    map.set('nested', new Y.Map([['deep', new Y.Array()]]));
    const list = doc.getArray('fuzzList');
    list.insert(0, ['x', 1, true, null]);
    list.delete(1, 1);
    const text = doc.getText('fuzzText');
    text.insert(0, 'hello world');
    text.format(0, 5, { bold: true });
    text.insertEmbed(5, { image: 'x.png' });
    text.delete(2, 3);
    doc.getXmlFragment('fuzzXml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('t')]);
    templates.push(Y.encodeStateAsUpdate(doc));
  }
  return templates;
}

/** 1 to n random byte-level mutations: overwrite, bit flip, insert, delete, duplicate, 0xff run. */
export function mutate(p: Prng, input: Uint8Array, n: number): Uint8Array {
  let bytes = Array.from(input);
  for (let i = 0; i < n; i++) {
    const at = p.int(Math.max(1, bytes.length));
    switch (p.int(6)) {
      case 0:
        bytes[at] = p.int(256);
        break;
      case 1:
        bytes[at] = (bytes[at] ?? 0) ^ (1 << p.int(8));
        break;
      case 2:
        bytes.splice(at, 0, p.int(256));
        break;
      case 3:
        bytes.splice(at, 1);
        break;
      case 4:
        bytes = [...bytes.slice(0, at), ...bytes.slice(at, at + p.between(1, 8)), ...bytes.slice(at)];
        break;
      default:
        bytes.splice(at, 0, ...Array<number>(p.between(1, 9)).fill(0xff));
    }
  }
  return Uint8Array.from(bytes);
}

/** An edit of a throwaway document: what a mutation starts from when not from a template. */
function scratchEdit(p: Prng): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = p.uint32();
  doc.getArray('fuzzList').insert(0, [randomValue(p), randomValue(p)]);
  doc.getText('fuzzText').insert(0, 'mutate me');
  return Y.encodeStateAsUpdate(doc);
}

function syncMessage(kind: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, kind);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

function randomValue(p: Prng): unknown {
  return p.pick([() => p.int(1e6), () => `s${p.int(1e6)}`, () => p.chance(0.5), () => null, () => ({ n: p.int(10), list: [p.int(5), 'x'] }), () => [1, [2, [3]]], () => 'ü😀\u0000'])();
}

function randomPresence(p: Prng): Record<string, unknown> {
  return p.pick([
    () => ({ user: { name: `fuzz ${p.int(1000)}`, color: '#abcdef' } }),
    () => ({ user: { name: '\u202e\u0000😀'.repeat(p.between(1, 20)) }, cursor: { x: p.int(1e9), y: -1.5e300 } }),
    () => ({ deep: JSON.parse('['.repeat(50) + ']'.repeat(50)) as unknown }),
    () => ({}),
    () => ({ writing: p.chance(0.5), step: 'context', extra: 'x'.repeat(p.between(0, 1500)) }),
  ])();
}

function sum(weights: Readonly<Record<string, number>>): number {
  return Object.values(weights).reduce((a, b) => a + b, 0);
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

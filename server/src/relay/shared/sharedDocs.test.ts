import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeDocUpdate } from '../../bus/busMessage.ts';
import type { RedisBus } from '../../bus/redisBus.ts';
import { docKey, type DocAppend, type DocRows, type PgDocLog } from '../../store/postgres/pgDocLog.ts';
import type { RoomHolds } from '../../store/postgres/pgRoomHolds.ts';
import type { StoredDocName } from '../../store/roomStore.ts';
import type { RelayDoc } from '../relayDoc.ts';
import { SharedDocs } from './sharedDocs.ts';

const ROOM = 'room-1';
const OTHER = 'instance-b';

/** A promise the test settles by hand: a commit or a log read that is out until the test says. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** The board's log as PostgreSQL would hold it: row n's bytes are [n]; every commit and every read waits for the test. */
class FakeLog {
  readonly commits: { batch: readonly DocAppend[]; done: ReturnType<typeof deferred<number[]>> }[] = [];
  readonly reads: { after: number; done: ReturnType<typeof deferred<DocRows>> }[] = [];
  readonly rows = new Map<number, Uint8Array>();
  /** While the room opens, reads answer at once: an empty log. */
  opening = true;

  ensureHeads = async (): Promise<void> => {};
  /** The board's head as the periodic check reads it, and how many checks asked for the board. */
  boardHead = 0;
  boardHeadChecks = 0;
  heads = async (docs: { roomId: string; doc: StoredDocName }[]): Promise<Map<string, number>> => {
    if (docs.some(({ doc }) => doc === 'board')) this.boardHeadChecks++;
    return new Map([[docKey(ROOM, 'board'), this.boardHead]]);
  };

  appendTurn = (batch: readonly DocAppend[]): Promise<number[]> => {
    const done = deferred<number[]>();
    this.commits.push({ batch, done });
    return done.promise;
  };

  /** The room's first read, as it opens: every document empty, none without a head. */
  readDocs = async (_roomId: string, docs: readonly StoredDocName[], after: number): Promise<{ rows: Map<StoredDocName, DocRows>; headless: StoredDocName[] }> => {
    if (!this.opening) throw new Error('the fake answers readDocs only while the room opens');
    return { rows: new Map(docs.map((doc) => [doc, { snapshot: null, log: [], head: after }])), headless: [] };
  };

  readAfter = (_roomId: string, doc: StoredDocName, after: number): Promise<DocRows> => {
    if (this.opening || doc !== 'board') return Promise.resolve({ snapshot: null, log: [], head: after });
    const done = deferred<DocRows>();
    this.reads.push({ after, done });
    return done.promise;
  };

  /** Answers read `i` with what the log holds now, up to `through` (what was committed when the read ran). */
  answer(i: number, through: number): void {
    const { after, done } = this.reads[i]!;
    const log = [...this.rows].filter(([seq]) => seq > after && seq <= through).sort(([a], [b]) => a - b).map(([seq, data]) => ({ seq, data }));
    done.resolve({ snapshot: null, log, head: Math.max(after, log.at(-1)?.seq ?? 0) });
  }
}

class FakeBus {
  readonly handlers = new Map<string, (message: Buffer) => void>();
  readonly published: Buffer[] = [];
  channel = (kind: string, id: string) => `${kind}:${id}`;
  subscribe = async (channel: string, handler: (message: Buffer) => void) => void this.handlers.set(channel, handler);
  unsubscribe = (channel: string) => void this.handlers.delete(channel);
  publish = (_channel: string, message: Buffer) => void this.published.push(message);
  holdFor = <T>(commit: Promise<T>) => commit;
  /** Another instance's commit of row `seq` arriving over the bus. */
  deliver(seq: number): void {
    this.handlers.get(this.channel('room', ROOM))!(encodeDocUpdate({ instance: OTHER, doc: 'board', seq, update: new Uint8Array([seq]) }));
  }
}

/** The board as the pipeline sees it: what it sends to this instance's sockets, in order. */
class FakeRelay {
  readonly roomId = ROOM;
  readonly name: StoredDocName = 'board';
  readonly logRows = 0;
  readonly sent: string[] = [];
  private pending: Uint8Array | null = null;
  accept(update: Uint8Array): void {
    this.pending = update;
  }
  takeTurn(): Uint8Array | null {
    const update = this.pending;
    this.pending = null;
    return update;
  }
  committedHere(update: Uint8Array): void {
    this.sent.push(`own ${update[0]}`);
  }
  applyRemote(update: Uint8Array): void {
    this.sent.push(`row ${update[0]}`);
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

let docs: SharedDocs | null = null;
afterEach(() => {
  docs?.stop();
  vi.useRealTimers();
});

async function openRoom() {
  const log = new FakeLog();
  const bus = new FakeBus();
  const holds = { hold: async () => {}, release: () => {}, stop: () => {} } as unknown as RoomHolds;
  docs = new SharedDocs(log as unknown as PgDocLog, bus as unknown as RedisBus, pino({ level: 'silent' }), {
    instanceId: 'instance-a',
    compactAfterUpdates: 1_000,
    holds,
    onStoreFailure: () => {},
  });
  await docs.open(ROOM);
  log.opening = false;
  const board = new FakeRelay();
  const other = { roomId: ROOM, logRows: 0 } as unknown as RelayDoc;
  docs.attach(ROOM, (name) => (name === 'board' ? (board as unknown as RelayDoc) : other));
  return { log, bus, board, docs };
}

describe('SharedDocs: rows from other instances reach this one in sequence, without waiting', () => {
  it('applies a row that came while its own commit of the row before was in flight as soon as that commit returns, not after a read', async () => {
    const { log, bus, board, docs } = await openRoom();
    board.accept(new Uint8Array([1]));
    docs.schedule(board as unknown as RelayDoc);
    await settle();
    expect(log.commits).toHaveLength(1);
    // Row 1 is ours (committed, answer not yet here); the other instance's row 2 comes first.
    log.rows.set(1, new Uint8Array([1]));
    log.rows.set(2, new Uint8Array([2]));
    bus.deliver(2);
    expect(board.sent).toEqual([]);
    expect(log.reads).toHaveLength(1);
    log.commits[0]!.done.resolve([1]);
    await settle();
    // The read is still out: row 2 went with our commit's answer.
    expect(board.sent).toEqual(['own 1', 'row 2']);
    log.answer(0, 2);
    await settle();
    expect(board.sent).toEqual(['own 1', 'row 2']);
  });

  it('reads again at once when a row past a gap came while a read that could not reach it was out', async () => {
    const { log, bus, board } = await openRoom();
    for (const seq of [1, 2, 3, 4]) log.rows.set(seq, new Uint8Array([seq]));
    bus.deliver(2);
    expect(log.reads).toHaveLength(1);
    // Row 4 comes while the read (which ran when the log ended at 2) is out.
    bus.deliver(4);
    log.answer(0, 2);
    await settle();
    expect(log.reads).toHaveLength(2);
    expect(log.reads[1]!.after).toBe(2);
    log.answer(1, 4);
    await settle();
    expect(board.sent).toEqual(['row 1', 'row 2', 'row 3', 'row 4']);
  });

  it('does not read again when nothing waits past a gap', async () => {
    const { log, bus, board } = await openRoom();
    for (const seq of [1, 2]) log.rows.set(seq, new Uint8Array([seq]));
    bus.deliver(2);
    log.answer(0, 2);
    await settle();
    expect(log.reads).toHaveLength(1);
    expect(board.sent).toEqual(['row 1', 'row 2']);
  });
});

describe('SharedDocs: the periodic head check reads the log only for documents whose bus went quiet', () => {
  /** One head check (every 500 ms), and the log read it may start. */
  async function check(): Promise<void> {
    vi.advanceTimersByTime(500);
    await settle();
  }

  it('leaves a document the bus keeps bringing rows to, and fills it once the bus is quiet', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const { log, bus, board } = await openRoom();
    for (const seq of [1, 2, 3]) log.rows.set(seq, new Uint8Array([seq]));
    log.boardHead = 3;
    // Rows 1 and 2 came over the bus since the room opened; row 3 is committed but still on its way (or lost).
    bus.deliver(1);
    bus.deliver(2);
    await check();
    expect(log.reads).toHaveLength(0);
    // Nothing new on the bus for a whole interval: row 3 is read from the log.
    await check();
    expect(log.boardHeadChecks).toBe(1);
    expect(log.reads).toHaveLength(1);
    expect(log.reads[0]!.after).toBe(2);
    log.answer(0, 3);
    await settle();
    expect(board.sent).toEqual(['row 1', 'row 2', 'row 3']);
  });

  it('fills at every check while the bus carries nothing (Redis down), and not when nothing is missing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const { log, board } = await openRoom();
    await check();
    expect(log.reads).toHaveLength(0);
    // Another instance commits rows 1 and 2, one per interval; nothing comes over the bus.
    for (const seq of [1, 2]) {
      log.rows.set(seq, new Uint8Array([seq]));
      log.boardHead = seq;
      await check();
      expect(log.reads).toHaveLength(seq);
      log.answer(seq - 1, seq);
      await settle();
    }
    expect(board.sent).toEqual(['row 1', 'row 2']);
  });
});

import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { BoardDoc, docFromUpdates, loadTextDiff } from '@okr/shared/doc';
import { CONTEXT_KINDS } from '@okr/shared/schema';
import { PgDocLog, rowUpdates } from '../../server/src/store/postgres/pgDocLog.ts';
import { startBalancer } from '../helpers/balancer.ts';
import type { ServerUnderTest } from './servers.ts';
import { spread, type Spread } from './stats.ts';

/**
 * Shared mode's own measurements (issue 12): how fast an instance catches a room up from
 * PostgreSQL, and how fast the clients of a killed instance are back in sync on another.
 */

const cardText = (i: number) => `Card ${i}: checkout conversion, churn and onboarding notes from the pre-work, written by a participant`;

/** The text the last log row of a catch-up room gives its card: a load is complete once it shows. */
export const lastEditText = (logRows: number) => `edit ${logRows}`;

/**
 * Writes a room's board as an instance finds it after a long session: a snapshot holding
 * `snapshotCards` cards, then `logRows` log rows, each one edit of one card's text (what one person
 * editing a card appends in a turn), round the cards. The snapshot goes through the store's own
 * append and compaction; the log rows in one statement, since 10,000 separate commits would take
 * longer than the measurement.
 */
export async function seedCatchUp(databaseUrl: string, roomId: string, snapshotCards: number, logRows: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const docLog = new PgDocLog(pool, 60_000);
    const doc = docFromUpdates(rowUpdates(await docLog.readAfter(roomId, 'board', 0)));
    const board = new BoardDoc(doc);
    const before = Y.encodeStateVector(doc);
    const ids = Array.from({ length: snapshotCards }, (_, i) => board.addContextItem({ kind: CONTEXT_KINDS[i % CONTEXT_KINDS.length]!, text: cardText(i) }));
    const [seq] = await docLog.appendTurn([{ roomId, doc: 'board', update: Y.encodeStateAsUpdate(doc, before) }]);
    if (!(await docLog.compact(roomId, 'board', Y.encodeStateAsUpdate(doc), seq!))) throw new Error(`catch-up seed: the snapshot of ${roomId} was not written`);
    // Each edit diffed as a browser's is once its board is up: the fewest inserts and deletes.
    await loadTextDiff();
    const rows: Buffer[] = [];
    doc.on('update', (update: Uint8Array) => rows.push(Buffer.from(update)));
    for (let k = 1; k <= logRows; k++) board.update(board.contextItems, ids[k % ids.length]!, { text: `${cardText(k)}, ${lastEditText(k)}` });
    if (rows.length !== logRows) throw new Error(`catch-up seed: ${rows.length} updates for ${logRows} edits`);
    if (logRows === 0) return;
    await pool.query(
      `WITH v AS (SELECT * FROM unnest($3::bigint[], $4::bytea[]) AS v(seq, data)),
            logged AS (INSERT INTO doc_log (room_id, doc, seq, data) SELECT $1, $2, seq, data FROM v)
       UPDATE doc_heads SET seq = $5 WHERE room_id = $1 AND doc = $2`,
      [roomId, 'board', rows.map((_, i) => seq! + 1 + i), rows, seq! + logRows],
    );
  } finally {
    await pool.end();
  }
}

/** Context cards in a room's board as PostgreSQL holds it (snapshot plus log). */
async function storedCards(databaseUrl: string, roomId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const doc = docFromUpdates(rowUpdates(await new PgDocLog(pool, 60_000).readAfter(roomId, 'board', 0)));
    return doc.getMap('contextItems').size;
  } finally {
    await pool.end();
  }
}

/** One kill of an instance under its clients (scenario "orphans"). */
export type OrphanRun = {
  clients: number;
  /** Clients whose connection the kill closed. */
  orphans: number;
  /** Cards written before the kill (writing stops at the kill). */
  written: number;
  /** Kill → an orphan's provider connected again (through the balancer, to the surviving instance). */
  reconnectMs: Spread;
  /** Kill → an orphan holds every card written by anyone. */
  orphanInSyncMs: Spread;
  /** Kill → every client, orphaned or not, holds every card (the orphans' unsent edits included). */
  allInSyncMs: number;
  /** Cards a late joiner on the surviving instance lacks afterwards: updates lost. */
  lost: number;
};

/** y-websocket's first retry after a connection that had synced: 2¹ × 100 ms (its backoff restarts once synced). */
export const FIRST_RECONNECT_MS = 200;
/** The board's own provider settings (client/src/sync/roomConnection.ts). */
const BOARD_PROVIDER = { maxBackoffTime: 10_000, disableBc: true } as const;

type Watched = { board: BoardDoc; provider: WebsocketProvider; orphan: boolean; reconnectedAt: number; resyncedAt: number; inSyncAt: number };

/**
 * Clients of the board's own provider join one room through a round-robin TCP balancer (so half
 * land on each instance) and add cards; then one instance is SIGKILLed and writing stops. Measured
 * from the kill: each orphan's reconnect, each orphan holding every card, every client holding every
 * card. The clients run in the harness's own process (the load generator's IPC cannot carry the kill's moment).
 */
export async function orphanRun(cluster: ServerUnderTest, shape: { clients: number; editsPerSecond: number; stormMs: number }, tag: string): Promise<OrphanRun> {
  const victim = cluster.peers[0];
  if (!victim) throw new Error('orphans: shared mode needs two instances');
  const [room] = await cluster.createRooms(1, tag);
  const balancer = await startBalancer([cluster.port, ...cluster.peers.map((p) => p.port)]);
  const clients: Watched[] = [];
  const cards = (c: Watched) => c.board.ydoc.getMap('contextItems').size;
  try {
    // One after another, so the round-robin balancer puts every other client on the instance to be killed.
    for (let i = 0; i < shape.clients; i++) {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`${balancer.wsUrl}/sync`, room!.roomName, doc, { ...BOARD_PROVIDER, WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket });
      clients.push({ board: new BoardDoc(doc), provider, orphan: false, reconnectedAt: NaN, resyncedAt: NaN, inSyncAt: NaN });
      await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
    }

    let written = 0;
    const period = 1000 / (shape.editsPerSecond * shape.clients);
    const storm = setInterval(() => {
      const i = written % clients.length;
      clients[i]!.board.addContextItem({ kind: 'mission', text: `c${i}-${written++}` });
    }, period);
    await new Promise((r) => setTimeout(r, shape.stormMs));

    let killedAt = 0;
    for (const c of clients) {
      c.provider.on('status', ({ status }: { status: string }) => {
        if (status === 'disconnected' && killedAt) c.orphan = true;
        if (status === 'connected' && c.orphan && Number.isNaN(c.reconnectedAt)) c.reconnectedAt = performance.now() - killedAt;
      });
      c.provider.on('sync', (synced: boolean) => {
        if (synced && c.orphan && Number.isNaN(c.resyncedAt)) c.resyncedAt = performance.now() - killedAt;
      });
    }
    clearInterval(storm);
    killedAt = performance.now();
    victim.child.kill('SIGKILL');
    balancer.setBackends([cluster.port, ...cluster.peers.slice(1).map((p) => p.port)]);

    // In sync: holding every card, and for an orphan, synced again through the surviving instance
    // (until its socket closes it still shows what it had; the orphans are every other client).
    const expectedOrphan = (i: number) => i % (cluster.peers.length + 1) === 1;
    const deadline = killedAt + 30_000;
    while (clients.some((c) => Number.isNaN(c.inSyncAt)) && performance.now() < deadline) {
      const now = performance.now() - killedAt;
      clients.forEach((c, i) => {
        if (Number.isNaN(c.inSyncAt) && cards(c) === written && (!expectedOrphan(i) || !Number.isNaN(c.resyncedAt))) c.inSyncAt = now;
      });
      await new Promise((r) => setTimeout(r, 5));
    }
    const behind = clients.filter((c) => Number.isNaN(c.inSyncAt));
    if (behind.length) throw new Error(`orphans: ${behind.length} clients not back in sync 30 s after the kill (cards ${behind.map(cards).join(', ')} of ${written})`);
    const misplaced = clients.filter((c, i) => c.orphan !== expectedOrphan(i)).length;
    if (misplaced) throw new Error(`orphans: the balancer did not alternate the clients (${misplaced} unexpectedly (not) orphaned)`);

    // Every card a client holds came through a commit; PostgreSQL must hold them all.
    const stored = await storedCards(cluster.engines!.postgres.url, room!.roomName);

    const orphans = clients.filter((c) => c.orphan);
    return {
      clients: clients.length,
      orphans: orphans.length,
      written,
      reconnectMs: spread(orphans.map((c) => c.reconnectedAt)),
      orphanInSyncMs: spread(orphans.map((c) => c.inSyncAt)),
      allInSyncMs: Math.round(Math.max(...clients.map((c) => c.inSyncAt))),
      lost: written - stored,
    };
  } finally {
    for (const c of clients) {
      c.provider.destroy();
      c.board.ydoc.destroy();
    }
    await balancer.close();
  }
}

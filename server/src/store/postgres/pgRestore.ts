import type pg from 'pg';
import { cardIdsOfSnapshot, ControlDoc, docFromUpdates, encodeState, restoreUpdate } from '@okr/shared/doc';
import { SERVER_CLIENT_ID } from '../../relay/serverClientId.ts';
import { UnknownVersionError } from '../restoreInStore.ts';
import { inTransaction } from './pgClient.ts';
import { rowUpdates, type PgDocLog } from './pgDocLog.ts';
import type { PgVersions } from './pgVersions.ts';

/**
 * The transaction gives up when the tool stops between statements for this long (frozen, or its
 * machine gone): it holds the board's head row, and every instance's commits to the board wait
 * for that row.
 */
const IDLE_IN_TRANSACTION_MS = 5_000;
/**
 * How long the restore waits for the board's head row: behind another restore or a commit it
 * holds nothing, so it may wait longer than the tool's usual statement timeout.
 */
const LOCK_WAIT_MS = 30_000;

/**
 * restoreInStore for shared mode (`okr restore` with DATABASE_URL): the board it replaces is kept
 * as a "Before a restore" version, then the forward change is appended to the board's log like
 * any accepted update. Every instance holding the room applies it from the log (its head check
 * reads new rows within a second) and sends it to its people; a room loaded nowhere opens with
 * it. The version comes first: if the append then fails, the board is unchanged and the extra
 * version is only a copy of it. Returns whether the board changed (false: it already equalled
 * the version).
 *
 * The change is written under SERVER_CLIENT_ID, as a single server's restore is: the instances
 * refuse that id from every participant, so nobody can later write under the restore's id and be
 * taken for its author. Yjs needs each client id's clocks to run on without a gap or an overlap,
 * and another `okr restore` may be writing under the same id at the same moment; so the board's
 * head row is locked first (the lock every commit to the board takes), and the log is read, the
 * change worked out and appended in that one transaction. Commits to the board wait meanwhile:
 * they lose nothing, they are late by the time the restore takes.
 */
export async function restoreShared(
  db: { pool: pg.Pool; docLog: PgDocLog; versions: PgVersions },
  roomId: string,
  versionId: number,
  now = Date.now(),
): Promise<boolean> {
  const snapshot = await db.versions.snapshot(roomId, versionId);
  if (!snapshot) throw new UnknownVersionError(`Room ${roomId} has no version ${versionId}.`);
  // A room made before the board had a head row has none to lock yet.
  await db.docLog.ensureHeads(roomId, ['board']);
  return inTransaction(db.pool, async (client) => {
    await client.query(`SET LOCAL idle_in_transaction_session_timeout = ${IDLE_IN_TRANSACTION_MS}`);
    await client.query(`SET LOCAL statement_timeout = ${LOCK_WAIT_MS}`);
    const head = await client.query<{ seq: string }>("SELECT seq FROM doc_heads WHERE room_id = $1 AND doc = 'board' FOR UPDATE", [roomId]);
    // Holding it, every statement is short again: the instances' commits to the board wait for this one.
    await client.query('RESET statement_timeout');
    if (head.rows.length === 0) throw new Error(`room ${roomId} has no board (was it deleted meanwhile?)`);
    // Read after the lock: whatever committed before it, another restore included, is in the log now.
    const { rows } = await db.docLog.readDocs(roomId, ['board', 'control'], 0);
    const board = docFromUpdates(rows.get('board') ? rowUpdates(rows.get('board')!) : []);
    const control = new ControlDoc(docFromUpdates(rows.get('control') ? rowUpdates(rows.get('control')!) : []));
    try {
      const current = encodeState(board);
      const change = restoreUpdate(board, snapshot, SERVER_CLIENT_ID);
      await db.versions.add(roomId, { reason: 'restore', step: control.state().step, board: current, cardIds: cardIdsOfSnapshot(current), createdAt: now });
      if (change) {
        const seq = Number(head.rows[0]!.seq) + 1;
        await client.query('INSERT INTO doc_log (room_id, doc, seq, data) VALUES ($1, $2, $3, $4)', [roomId, 'board', seq, Buffer.from(change)]);
        await client.query("UPDATE doc_heads SET seq = $2 WHERE room_id = $1 AND doc = 'board'", [roomId, seq]);
        await client.query('UPDATE rooms SET last_activity = $2 WHERE id = $1', [roomId, now]);
      }
      return change !== null;
    } finally {
      board.destroy();
      control.ydoc.destroy();
    }
  });
}

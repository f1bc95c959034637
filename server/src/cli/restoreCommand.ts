import { loadConfig } from '../config.ts';
import { restoreInStore } from '../store/restoreInStore.ts';
import { restoreShared } from '../store/postgres/pgRestore.ts';
import { SERVER_FRESH_MS } from '../store/versionStore.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { redact, sharedDatabaseUrl, withPostgres } from './postgres.ts';
import { waitForServer } from './restoreWait.ts';
import { openExistingStore, parseRoomId } from './store.ts';

const usage = 'okr restore <roomId> <version>';

/** How long to wait for a running server to make the restore before saying it is still queued. */
const WAIT_MS = 20_000;
const POLL_MS = 100;

/**
 * Brings a room's board back to a version (from `okr history`) as a new change; nothing is
 * rewritten, and the board it replaces is kept as a version, so the restore can be undone the
 * same way. With the server running, a loaded room's document lives in the server's memory and
 * the store's log follows it: a write beside it would race it (the room's next compaction could
 * drop it, and its clients would never see it). So the tool leaves a request in the store and the
 * server makes the change itself, sending it to everyone. With the server stopped, it appends the
 * change to the room's log directly. Which one is decided in one write-locked transaction with the
 * server's heartbeat, so a server starting at that moment cannot slip in between. With
 * DATABASE_URL (shared mode) the log is PostgreSQL's, which every instance follows: the tool
 * appends the change there.
 */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'bring a room\'s board back to a version from okr history, as a new change (server running or stopped)',
  usage,
  async run(argv, io) {
    const { positionals } = parseCommandArgs(argv, { usage, positionals: ['<roomId>', '<version>'], options: {} });
    const roomId = parseRoomId(positionals[0] ?? '');
    const versionId = parseVersion(positionals[1] ?? '');
    const databaseUrl = sharedDatabaseUrl(io.env);
    if (databaseUrl !== undefined) return restoreInShared(roomId, versionId, databaseUrl, io.out);
    const { dataDir } = loadConfig(io.env);
    const store = openExistingStore(dataDir);
    try {
      if (!store.getRoom(roomId)) throw new CliError(`no room ${roomId} in ${dataDir} (run "okr rooms" to list them)`);
      const cards = store.versions.list(roomId).find((version) => version.id === versionId)?.cardIds.length;
      if (cards === undefined) throw new CliError(`room ${roomId} has no version ${versionId} (run "okr history ${roomId}" to list them)`);
      const requestId = store.versions.exclusively(() => {
        if (store.versions.serverIsRunning(SERVER_FRESH_MS)) return store.versions.requestRestore(roomId, versionId);
        restoreInStore(store, roomId, versionId);
        return undefined;
      });
      const what = restoredWhat(roomId, versionId, cards);
      if (requestId === undefined) {
        io.out(`${what}, written to the store: the room opens with it. Undo it with the "Before a restore" version in okr history.\n`);
        return EXIT.ok;
      }
      const waited = await waitForServer(store.versions, requestId, () => restoreInStore(store, roomId, versionId), { waitMs: WAIT_MS, pollMs: POLL_MS });
      switch (waited.outcome) {
        case 'made-by-server':
          io.out(`${what}: the running server sent it to everyone in the room.\n`);
          break;
        case 'made-here':
          io.out(`${what}, written to the store (the server stopped while we waited).\n`);
          break;
        case 'queued':
          io.out(`The server has not made the restore within ${WAIT_MS / 1000} s; it stays queued and is made when the server next checks.\n`);
          return EXIT.failed;
        case 'failed-on-server':
          throw new CliError(`the server could not restore version ${versionId} of room ${roomId}: ${waited.error}`);
        case 'unconfirmed':
          throw new CliError(
            `the server took the restore of version ${versionId} but stopped before saying it was made; it is not made again by itself (a second restore would undo what people wrote since). See whether the board is version ${versionId} ("okr history ${roomId}" lists a "Before a restore" version kept when the server took it; "okr export ${roomId}" shows the board) and run this command again if it is not`,
          );
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};

/**
 * Shared mode: the instances follow PostgreSQL's log, so the tool appends the change there itself
 * (store/postgres/pgRestore.ts) whether or not any instance holds the room: those that do send it
 * to their people within a second, like an edit made on another instance.
 */
async function restoreInShared(roomId: string, versionId: number, databaseUrl: string, out: (text: string) => void): Promise<number> {
  const cards = await withPostgres(databaseUrl, async (db) => {
    if (!(await db.catalog.getRoom(roomId))) throw new CliError(`no room ${roomId} in ${redact(databaseUrl)} (run "okr rooms" to list them)`);
    const count = (await db.versions.list(roomId)).find((version) => version.id === versionId)?.cardIds.length;
    if (count === undefined) throw new CliError(`room ${roomId} has no version ${versionId} (run "okr history ${roomId}" to list them)`);
    await restoreShared(db, roomId, versionId);
    return count;
  });
  out(
    `${restoredWhat(roomId, versionId, cards)}, written to PostgreSQL: every instance holding the room sends it to everyone in it, and the room opens with it anywhere. Undo it with the "Before a restore" version in okr history.\n`,
  );
  return EXIT.ok;
}

function restoredWhat(roomId: string, versionId: number, cards: number): string {
  return `Restored version ${versionId} of room ${roomId} (${cards} card${cards === 1 ? '' : 's'}) as a new change`;
}

function parseVersion(text: string): number {
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new CliError(`"${text}" is not a version number (run "okr history <roomId>" to list them)`);
  return Number(text);
}

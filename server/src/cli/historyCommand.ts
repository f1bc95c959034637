import { cardChangePhrase, VERSION_REASON_LABELS } from '@okr/shared/export';
import { loadConfig } from '../config.ts';
import { historyEntries } from '../store/historyEntries.ts';
import type { VersionInfo } from '../store/versionStore.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { redact, sharedDatabaseUrl, withPostgres } from './postgres.ts';
import { openExistingStore, parseRoomId, withStore } from './store.ts';
import { localTime, table } from './text.ts';

const usage = 'okr history <roomId> [--json]';

/** The versions the server keeps of a room's board, newest first; `okr restore` brings one back. With DATABASE_URL, those every shared-mode instance keeps. */
export const historyCommand: Command = {
  name: 'history',
  summary: 'list the versions kept of a room\'s board (time, step, why, cards added and removed)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { usage, positionals: ['<roomId>'], options: { json: { type: 'boolean' } } });
    const roomId = parseRoomId(positionals[0] ?? '');
    const databaseUrl = sharedDatabaseUrl(io.env);
    const entries = historyEntries(databaseUrl === undefined ? localVersions(roomId, loadConfig(io.env).dataDir) : await sharedVersions(roomId, databaseUrl));
    if (values.json) {
      io.out(`${JSON.stringify(entries, null, 2)}\n`);
      return EXIT.ok;
    }
    if (entries.length === 0) {
      io.out(`No versions of room ${roomId} yet: the server keeps one at each step change, reveal and big deletion, and every few minutes while people edit.\n`);
      return EXIT.ok;
    }
    const rows = entries.map((entry) => [
      String(entry.id),
      localTime(Date.parse(entry.createdAt)),
      entry.step,
      VERSION_REASON_LABELS[entry.reason],
      String(entry.cards),
      cardChangePhrase(entry),
    ]);
    io.out(table(['VERSION', 'TIME', 'STEP', 'WHY', 'CARDS', 'CHANGES'], rows));
    io.out(`\nRestore one with: okr restore ${roomId} <version>\n`);
    return EXIT.ok;
  },
};

function localVersions(roomId: string, dataDir: string): VersionInfo[] {
  return withStore(openExistingStore(dataDir), (store) => {
    if (!store.getRoom(roomId)) throw new CliError(`no room ${roomId} in ${dataDir} (run "okr rooms" to list them)`);
    return store.versions.list(roomId);
  });
}

/** Shared mode: the versions every instance keeps in PostgreSQL. */
function sharedVersions(roomId: string, databaseUrl: string): Promise<VersionInfo[]> {
  return withPostgres(databaseUrl, async (db) => {
    if (!(await db.catalog.getRoom(roomId))) throw new CliError(`no room ${roomId} in ${redact(databaseUrl)} (run "okr rooms" to list them)`);
    return db.versions.list(roomId);
  });
}

import { pruneRooms, pruneSharedRooms } from '../rooms/retention.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { redact, sharedDatabaseUrl, toolConfig, withPostgres } from './postgres.ts';
import { openExistingStore, withStore } from './store.ts';
import { clip, localTime, printable, table } from './text.ts';

const usage = 'okr prune [--days N] [--dry-run] [--json]';

/**
 * Deletes rooms with no edit for N days (default ROOM_RETENTION_DAYS), as the server's own sweep
 * does. With DATABASE_URL, in shared mode's database while the instances run: a room any instance
 * has loaded (or commits to meanwhile) is left alone, and each room goes in its own transaction.
 */
export const pruneCommand: Command = {
  name: 'prune',
  summary: 'delete rooms with no edit for N days (--days, else ROOM_RETENTION_DAYS); --dry-run only lists them',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, {
      usage,
      positionals: [],
      options: { days: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    const databaseUrl = sharedDatabaseUrl(io.env);
    const { dataDir, roomRetentionDays } = toolConfig(io.env);
    const where = databaseUrl === undefined ? dataDir : redact(databaseUrl);
    const days = values.days === undefined ? roomRetentionDays : Number(values.days);
    if (days === undefined) throw new CliError(`say how old: --days N, or set ROOM_RETENTION_DAYS\nusage: ${usage}`);
    if (!Number.isFinite(days) || days <= 0) throw new CliError(`--days must be a positive number of days, got "${values.days}"\nusage: ${usage}`);
    const dryRun = values['dry-run'] === true;
    const rooms =
      databaseUrl === undefined
        ? withStore(openExistingStore(dataDir), (store) => pruneRooms(store, days, { dryRun }))
        : await withPostgres(databaseUrl, ({ retention }) => pruneSharedRooms(retention, days, { dryRun }));

    if (values.json) {
      const json = rooms.map((room) => ({ id: room.id, title: room.title, lastActivity: new Date(room.lastActivity).toISOString() }));
      io.out(`${JSON.stringify({ dryRun, days, rooms: json }, null, 2)}\n`);
      return EXIT.ok;
    }
    if (rooms.length === 0) {
      io.out(`No rooms without an edit for ${days} days in ${where}.\n`);
      return EXIT.ok;
    }
    io.out(table(['ROOM', 'TITLE', 'LAST ACTIVITY'], rooms.map((room) => [room.id, clip(printable(room.title), 48), localTime(room.lastActivity)])));
    const count = `${rooms.length} room${rooms.length === 1 ? '' : 's'}`;
    io.out(dryRun ? `\n${count} would be deleted (dry run: nothing deleted).\n` : `\nDeleted ${count} with no edit for ${days} days.\n`);
    return EXIT.ok;
  },
};

import { loadConfig } from '../config.ts';
import { parseCommandArgs } from './args.ts';
import { EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { redact, sharedDatabaseUrl, withPostgres } from './postgres.ts';
import { openExistingStore, withStore } from './store.ts';
import { clip, localTime, printable, table } from './text.ts';

const usage = 'okr rooms [--json]';

/** Every room in DATA_DIR (or, with DATABASE_URL set, in shared mode's database), most recently active first. */
export const roomsCommand: Command = {
  name: 'rooms',
  summary: 'list the rooms in DATA_DIR (or DATABASE_URL) with title, creation time and last activity',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { usage, positionals: [], options: { json: { type: 'boolean' } } });
    const databaseUrl = sharedDatabaseUrl(io.env);
    const dataDir = databaseUrl === undefined ? loadConfig(io.env).dataDir : redact(databaseUrl);
    const rooms = databaseUrl === undefined ? withStore(openExistingStore(dataDir), (store) => store.listRooms()) : await withPostgres(databaseUrl, (db) => db.catalog.listRooms());

    if (values.json) {
      const json = rooms.map((room) => ({
        id: room.id,
        title: room.title,
        createdAt: new Date(room.createdAt).toISOString(),
        lastActivity: new Date(room.lastActivity).toISOString(),
      }));
      io.out(`${JSON.stringify(json, null, 2)}\n`);
      return EXIT.ok;
    }
    if (rooms.length === 0) {
      io.out(`No rooms in ${dataDir} yet.\n`);
      return EXIT.ok;
    }
    const rows = rooms.map((room) => [room.id, clip(printable(room.title), 48), localTime(room.createdAt), localTime(room.lastActivity)]);
    io.out(table(['ROOM', 'TITLE', 'CREATED', 'LAST ACTIVITY'], rows));
    io.out(`\n${rooms.length} room${rooms.length === 1 ? '' : 's'} in ${dataDir}\n`);
    return EXIT.ok;
  },
};

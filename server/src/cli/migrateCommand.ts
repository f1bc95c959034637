import pg from 'pg';
import { docFromUpdates, encodeState } from '@okr/shared/doc';
import { loadConfig } from '../config.ts';
import { PgCatalog } from '../store/postgres/pgCatalog.ts';
import { PgVersions } from '../store/postgres/pgVersions.ts';
import { migrate } from '../store/postgres/schema.ts';
import { DOC_NAMES, type StoredDocName } from '../store/roomStore.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { openExistingStore, withStore } from './store.ts';
import { redact } from './postgres.ts';

const usage = 'okr migrate --to postgres://…';

/**
 * Copies every room of DATA_DIR's SQLite store into a PostgreSQL database for shared mode: rooms,
 * key hashes, revoked keys, each document (as one log row holding its whole state) and its History
 * (the versions, with new ids). Rooms already there are skipped, so it can run again.
 */
export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'copy every room of DATA_DIR into PostgreSQL (shared mode); stop the SQLite server first',
  usage,
  async run(argv, io) {
    const { values } = parseCommandArgs(argv, { usage, positionals: [], options: { to: { type: 'string' } } });
    const url = values.to;
    if (url === undefined) throw new CliError(`--to is required: the PostgreSQL URL to copy into\nusage: ${usage}`);
    if (!/^postgres(ql)?:\/\//.test(url)) throw new CliError(`--to must be a postgres:// URL, got "${url}"`);
    const { dataDir } = loadConfig(io.env);
    const rooms = withStore(openExistingStore(dataDir), (store) =>
      store.listRooms().map((room) => {
        const keys = store.keyRow(room.id);
        if (!keys) throw new Error(`room ${room.id} has no key row`);
        const docs: Partial<Record<StoredDocName, Uint8Array>> = {};
        for (const doc of DOC_NAMES) {
          const { updates } = store.loadDoc(room.id, doc);
          if (updates.length > 0) docs[doc] = encodeState(docFromUpdates(updates));
        }
        const history = store.versions.list(room.id).map((version) => ({ ...version, snapshot: store.versions.snapshot(room.id, version.id)! }));
        return { room, keys, revoked: store.revokedKeysOf(room.id), docs, history };
      }),
    );
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on('error', () => {});
    let copied = 0;
    try {
      await migrate(pool).catch((err: Error) => {
        throw new CliError(`cannot reach PostgreSQL at ${redact(url)}: ${err.message}`);
      });
      const catalog = new PgCatalog(pool);
      const versions = new PgVersions(pool);
      for (const { room, keys, revoked, docs, history } of rooms) {
        if (await catalog.importRoom(room, keys, revoked, docs)) copied++;
        // Also for a room copied by an earlier run whose History did not make it: only into a room with none yet.
        await versions.importHistory(room.id, history);
      }
    } finally {
      await pool.end();
    }
    const skipped = rooms.length - copied;
    io.out(`Copied ${copied} room${copied === 1 ? '' : 's'} from ${dataDir} to ${redact(url)}${skipped > 0 ? ` (${skipped} already there, left as they were)` : ''}.\n`);
    return EXIT.ok;
  },
};


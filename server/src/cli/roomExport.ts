import { buildExport, type OkrExport } from '@okr/shared/export';
import { loadConfig } from '../config.ts';
import { readRoomDocs, readSharedRoomDocs } from '../store/readRoom.ts';
import { CliError } from './cliError.ts';
import { redact, sharedDatabaseUrl, withPostgres } from './postgres.ts';
import { openExistingStore, withStore } from './store.ts';

/**
 * A room's export as stored: from DATA_DIR's store, or with DATABASE_URL set from shared mode's
 * database (snapshot plus log, everything any client has been sent). The servers may be running or
 * stopped. An unknown room is a CliError naming where it was looked for.
 */
export async function readRoomExport(env: NodeJS.ProcessEnv, roomId: string): Promise<OkrExport> {
  const databaseUrl = sharedDatabaseUrl(env);
  const noRoom = (where: string) => new CliError(`no room ${roomId} in ${where} (run "okr rooms" to list them)`);
  if (databaseUrl === undefined) {
    const { dataDir } = loadConfig(env);
    return withStore(openExistingStore(dataDir), (store) => {
      if (!store.getRoom(roomId)) throw noRoom(dataDir);
      const { board, control } = readRoomDocs(store, roomId);
      return buildExport(board, control);
    });
  }
  return withPostgres(databaseUrl, async ({ catalog, docLog }) => {
    if (!(await catalog.getRoom(roomId))) throw noRoom(redact(databaseUrl));
    const { board, control } = await readSharedRoomDocs(docLog, roomId);
    return buildExport(board, control);
  });
}

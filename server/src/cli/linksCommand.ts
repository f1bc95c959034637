import { roomLinks } from '../rooms/links.ts';
import { publishJoinUrl, publishJoinUrlShared } from '../rooms/publishJoinUrl.ts';
import { planReissue, reissueFacilitator, type RoomKeys } from '../rooms/rotateLinks.ts';
import { rowUpdates } from '../store/postgres/pgDocLog.ts';
import { redact, sharedDatabaseUrl, toolConfig, withPostgres, type SharedDatabase } from './postgres.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { linkBase, openExistingStore, parseRoomId, withStore } from './store.ts';
import { printable } from './text.ts';

const usage = 'okr links <roomId> --rotate-facilitator [--json]';

/**
 * An operator's way back into a board whose facilitator link was lost or leaked: new keys, printed
 * once. Only hashes are stored, so the old links cannot be shown; the running server (in shared
 * mode, with DATABASE_URL set, every instance) notices the change within a second and closes
 * connections that used the old keys.
 */
export const linksCommand: Command = {
  name: 'links',
  summary: 'issue a new facilitator link for a room (the old key stops working at once); also replaces its projector link',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      usage,
      positionals: ['<roomId>'],
      options: { 'rotate-facilitator': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    const roomId = parseRoomId(positionals[0] ?? '');
    if (!values['rotate-facilitator']) {
      throw new CliError(`only hashes of a room's keys are stored, so its links cannot be shown again: add --rotate-facilitator to issue new ones\nusage: ${usage}`);
    }
    const databaseUrl = sharedDatabaseUrl(io.env);
    const config = toolConfig(io.env);
    const baseUrl = linkBase(config);
    const joinUrl = (keys: RoomKeys) => keys.participantKey && roomLinks(baseUrl, { id: roomId, participantKey: keys.participantKey }).participantUrl;
    const { title, keys } =
      databaseUrl === undefined
        ? withStore(openExistingStore(config.dataDir), (store) => {
            const room = store.getRoom(roomId);
            if (!room) throw new CliError(`no room ${roomId} in ${config.dataDir} (run "okr rooms" to list them)`);
            const issued = reissueFacilitator(store, roomId);
            const url = joinUrl(issued);
            if (url) publishJoinUrl(store, roomId, url, undefined);
            return { title: room.title, keys: issued };
          })
        : await withPostgres(databaseUrl, (db) => reissueShared(db, roomId, redact(databaseUrl), joinUrl));
    const links = roomLinks(baseUrl, { id: roomId, ...keys });
    const result = {
      roomId,
      title,
      facilitatorKey: keys.facilitatorKey,
      viewerKey: keys.viewerKey,
      participantKey: keys.participantKey,
      participantUrl: links.participantUrl,
      facilitatorUrl: links.facilitatorUrl ?? '',
      viewerUrl: links.viewerUrl ?? '',
    };
    if (values.json) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    io.out(
      [
        `New links for "${printable(title)}". The old facilitator and projector links no longer open it${keys.participantKey ? ', nor does the old participant link' : ''}.`,
        '',
        `  Participants:  ${result.participantUrl}${keys.participantKey ? '' : ' (unchanged)'}`,
        `  Facilitator:   ${result.facilitatorUrl}`,
        `  Viewer:        ${result.viewerUrl}`,
        '',
        'Keep the facilitator link to yourself: it runs the workshop. The keys are shown only once.',
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

/** reissueFacilitator against shared mode's database: the instances close old-key connections within a second (their key watch), and pick up the join link from the log. */
async function reissueShared(db: SharedDatabase, roomId: string, where: string, joinUrl: (keys: RoomKeys) => string | null): Promise<{ title: string; keys: RoomKeys }> {
  const noRoom = () => new CliError(`no room ${roomId} in ${where} (run "okr rooms" to list them)`);
  const room = await db.catalog.getRoom(roomId);
  if (!room) throw noRoom();
  // Under the room row's lock: a rotation an instance makes meanwhile goes before or after this one, never half into it.
  const keys = await db.catalog.changeKeys(roomId, (row) => planReissue(row, roomId));
  if (!keys) throw noRoom();
  const url = joinUrl(keys);
  if (url) {
    await publishJoinUrlShared(
      async () => rowUpdates(await db.docLog.readAfter(roomId, 'control', 0)),
      async (update) => void (await db.docLog.appendTurn([{ roomId, doc: 'control', update }])),
      url,
      undefined,
    );
  }
  return { title: room.title, keys };
}

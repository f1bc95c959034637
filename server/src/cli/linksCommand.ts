import { loadConfig } from '../config.ts';
import { roomLinks } from '../rooms/links.ts';
import { publishJoinUrl } from '../rooms/publishJoinUrl.ts';
import { reissueFacilitator } from '../rooms/rotateLinks.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { linkBase, openExistingStore, parseRoomId, withStore } from './store.ts';
import { printable } from './text.ts';

const usage = 'okr links <roomId> --rotate-facilitator [--json]';

/**
 * An operator's way back into a board whose facilitator link was lost or leaked: new keys, printed
 * once. Only hashes are stored, so the old links cannot be shown; the running server notices the
 * change within a second and closes connections that used the old keys.
 */
export const linksCommand: Command = {
  name: 'links',
  summary: 'issue a new facilitator link for a room (the old key stops working at once); also replaces its projector link',
  usage,
  run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      usage,
      positionals: ['<roomId>'],
      options: { 'rotate-facilitator': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    const roomId = parseRoomId(positionals[0] ?? '');
    if (!values['rotate-facilitator']) {
      throw new CliError(`only hashes of a room's keys are stored, so its links cannot be shown again: add --rotate-facilitator to issue new ones\nusage: ${usage}`);
    }
    const config = loadConfig(io.env);
    const baseUrl = linkBase(config);
    const { title, keys } = withStore(openExistingStore(config.dataDir), (store) => {
      const room = store.getRoom(roomId);
      if (!room) throw new CliError(`no room ${roomId} in ${config.dataDir} (run "okr rooms" to list them)`);
      const issued = reissueFacilitator(store, roomId);
      if (issued.participantKey) publishJoinUrl(store, roomId, roomLinks(baseUrl, { id: roomId, participantKey: issued.participantKey }).participantUrl, undefined);
      return { title: room.title, keys: issued };
    });
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

import { ControlDoc } from '@okr/shared/doc';
import { applyImport, EXPORT_FORMAT_ID, parseImportFile } from '@okr/shared/export';
import { createRoom, createSharedRoom, newBoard } from '../rooms/createRoom.ts';
import { parseCommandArgs } from './args.ts';
import { EXIT, inFile } from './cliError.ts';
import type { Command } from './command.ts';
import { readJsonFile } from './files.ts';
import { sharedDatabaseUrl, toolConfig, withPostgres } from './postgres.ts';
import { linkBase, openStore, withStore } from './store.ts';
import { printable } from './text.ts';

const usage = 'okr import <file> [--json]';

/**
 * A new room from a pre-work file or an export, in DATA_DIR's store or (DATABASE_URL) shared
 * mode's database, where its first states are the first rows of its documents' logs. The board is
 * built in memory and the store opened only after the file has passed validation, so a bad file
 * creates nothing. Prints the links the rooms API would answer with.
 */
export const importCommand: Command = {
  name: 'import',
  summary: 'create a room from a pre-work file or an export, and print its links and keys',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { usage, positionals: ['<file>'], options: { json: { type: 'boolean' } } });
    const path = positionals[0] ?? '';
    const json = readJsonFile(path);
    const file = inFile(path, () => parseImportFile(json));
    const databaseUrl = sharedDatabaseUrl(io.env);
    const config = toolConfig(io.env);

    // As a board made in the app starts; an export's own workshop fields then replace these.
    const board = newBoard();
    const control = new ControlDoc();
    applyImport(file, board, control);

    const baseUrl = linkBase(config);
    const { room, links } =
      databaseUrl === undefined
        ? withStore(openStore(config.dataDir), (store) => createRoom(store, baseUrl, board, control))
        : await withPostgres(databaseUrl, ({ catalog }) => createSharedRoom(catalog, baseUrl, board, control), { createTables: true });

    const result = {
      roomId: room.id,
      title: room.title,
      facilitatorKey: room.facilitatorKey,
      viewerKey: room.viewerKey,
      participantUrl: links.participantUrl,
      facilitatorUrl: links.facilitatorUrl ?? '',
      viewerUrl: links.viewerUrl ?? '',
    };
    if (values.json) {
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT.ok;
    }
    const what = file.format === EXPORT_FORMAT_ID ? 'an OKR export' : 'a pre-work file';
    io.out(
      [
        `Created room "${printable(room.title)}" from ${what}.`,
        '',
        `  Participants:  ${result.participantUrl}`,
        `  Facilitator:   ${result.facilitatorUrl}`,
        `  Viewer:        ${result.viewerUrl}`,
        '',
        `  Room id:          ${result.roomId}`,
        `  Facilitator key:  ${result.facilitatorKey}`,
        `  Viewer key:       ${result.viewerKey}`,
        '',
        'Keep the facilitator link and key to yourself: they run the workshop. The keys are shown only once.',
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

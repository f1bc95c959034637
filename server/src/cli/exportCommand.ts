import { exportToCsv, exportToMarkdown, type OkrExport } from '@okr/shared/export';
import { parseCommandArgs } from './args.ts';
import { CliError, EXIT } from './cliError.ts';
import type { Command } from './command.ts';
import { writeFileAtomically } from './files.ts';
import { readRoomExport } from './roomExport.ts';
import { parseRoomId } from './store.ts';

const FORMATS = {
  json: { label: 'JSON', render: (file: OkrExport) => `${JSON.stringify(file, null, 2)}\n` },
  md: { label: 'Markdown', render: exportToMarkdown },
  csv: { label: 'CSV', render: exportToCsv },
} as const;
type FormatName = keyof typeof FORMATS;

const usage = 'okr export <roomId> [--format json|md|csv] [--out FILE]';

/** A room's export straight from the store in DATA_DIR, or shared mode's database when DATABASE_URL is set: the servers may be running or stopped. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'print a room\'s OKR export (JSON, Markdown or CSV), or write it to a file',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, {
      usage,
      positionals: ['<roomId>'],
      options: { format: { type: 'string', short: 'f', default: 'json' }, out: { type: 'string', short: 'o' } },
    });
    const format = formatName(values.format);
    const roomId = parseRoomId(positionals[0] ?? '');
    if (values.out === '') throw new CliError('--out needs a file name');
    const file = await readRoomExport(io.env, roomId);
    const text = FORMATS[format].render(file);

    if (values.out === undefined) {
      io.out(text);
    } else {
      writeFileAtomically(values.out, text);
      io.out(`Wrote ${values.out}: "${file.workshop.title}" as ${FORMATS[format].label} (${Buffer.byteLength(text)} bytes).\n`);
    }
    return EXIT.ok;
  },
};

function formatName(value: string | undefined): FormatName {
  if (value !== undefined && Object.hasOwn(FORMATS, value)) return value as FormatName;
  throw new CliError(`--format: expected json, md or csv, got "${value ?? ''}"`);
}

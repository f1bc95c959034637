import { describeUserError, EXIT } from './cliError.ts';
import type { Command, CliIo } from './command.ts';
import { exportCommand } from './exportCommand.ts';
import { historyCommand } from './historyCommand.ts';
import { importCommand } from './importCommand.ts';
import { restoreCommand } from './restoreCommand.ts';
import { linksCommand } from './linksCommand.ts';
import { migrateCommand } from './migrateCommand.ts';
import { pruneCommand } from './pruneCommand.ts';
import { reviewCommand } from './reviewCommand.ts';
import { roomsCommand } from './roomsCommand.ts';

/*
 * The command-line tool: `npx pnpm@10 okr <command>`. Exit codes: 0 done; 1 the review found an
 * error, a restore stayed queued, or the tool itself failed; 2 a mistake in the command or its input, with one message on
 * stderr and nothing written.
 */

const COMMANDS: readonly Command[] = [exportCommand, roomsCommand, reviewCommand, importCommand, historyCommand, restoreCommand, linksCommand, pruneCommand, migrateCommand];

function usageText(): string {
  return [
    'OKR workshop board command-line tool',
    '',
    'usage: npx pnpm@10 okr <command> [options]',
    '',
    ...COMMANDS.flatMap((command) => [`  ${command.usage}`, `      ${command.summary}`]),
    '  okr help',
    '      show this text; okr <command> --help shows one command',
    '',
    'export, rooms, review, import, links and prune use the server\'s store in DATA_DIR (default ./data), or with',
    'DATABASE_URL set shared mode\'s PostgreSQL database; they work while the servers run or are stopped.',
    'import and links print links on PUBLIC_URL, or http://localhost:PORT.',
    'migrate copies DATA_DIR\'s rooms into PostgreSQL for shared mode (DATABASE_URL and REDIS_URL).',
    'history and restore work with the server running (it makes the restore and sends it to everyone) or stopped;',
    'with DATABASE_URL set they work on the shared database while the instances run.',
    'Exit codes: 0 done, 1 the review found an error (or a restore stayed queued), 2 bad arguments or input (nothing is written).',
    '',
  ].join('\n');
}

async function main(argv: string[], io: CliIo, err: (text: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usageText());
    return EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    err(`okr: unknown command "${name}"\n\n${usageText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`usage: ${command.usage}\n\n${command.summary}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const message = describeUserError(error);
    if (message === undefined) throw error;
    err(`okr ${command.name}: ${message}\n`);
    return EXIT.usage;
  }
}

// `okr export … | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

main(process.argv.slice(2), { env: process.env, out: (text) => process.stdout.write(text) }, (text) => process.stderr.write(text)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A bug, not a user error: the stack helps whoever reports it.
    process.stderr.write(`okr: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.failed;
  },
);

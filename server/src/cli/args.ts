import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isWellFormedSecret } from '../store/keys.ts';
import { CliError } from './cliError.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `node:util` parseArgs with the command's exact positionals, its errors turned into one short
 * message each (`--format needs a value`), and the usage line to show with them.
 */
export function parseCommandArgs<const O extends Options>(argv: string[], spec: { usage: string; positionals: readonly string[]; options: O }) {
  // Room ids and keys are base64url, so about one in 32 starts with "-": parseArgs would read it as
  // an option. A token shaped like an id that names no option is held back as a positional.
  const held = new Map<string, string>();
  const args = argv.map((token) => {
    if (!token.startsWith('-') || !isWellFormedSecret(token) || token.replace(/^--?/, '') in spec.options) return token;
    const placeholder = `okr-positional-${held.size}`;
    held.set(placeholder, token);
    return placeholder;
  });
  let parsed;
  try {
    parsed = parseArgs({ args, options: spec.options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${argumentProblem(error)}\nusage: ${spec.usage}`);
  }
  const positionals = parsed.positionals.map((token) => held.get(token) ?? token);
  const missing = spec.positionals[positionals.length];
  if (missing) throw new CliError(`missing ${missing}\nusage: ${spec.usage}`);
  const extra = positionals[spec.positionals.length];
  if (extra !== undefined) throw new CliError(`unexpected argument "${extra}"\nusage: ${spec.usage}`);
  return { values: parsed.values, positionals };
}

function argumentProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^'<]*?)(?: <value>)?'/.exec(message)?.[1]?.split(', ').at(-1);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take/.test(message) ? `${option ?? 'that option'} takes no value` : `${option ?? 'that option'} needs a value`;
  }
  return message;
}

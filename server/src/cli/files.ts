import fs from 'node:fs';
import path from 'node:path';
import { CliError } from './cliError.ts';

/** Reads and parses a JSON file; a missing file or broken JSON is a CliError naming the file and the place. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${fileProblem(error)}`);
  }
  // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CliError(`${file} is empty: expected an OKR export or a pre-work file (JSON)`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`${file} is not valid JSON: ${jsonProblem(error, text)}`);
  }
}

/**
 * Writes the whole file or nothing: a temporary file beside it, renamed over it, so a failure never
 * leaves half an export behind.
 */
export function writeFileAtomically(file: string, content: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new CliError(`cannot write ${file}: the folder ${dir} does not exist`);
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new CliError(`cannot write ${file}: it is a folder`);
  const temporary = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw new CliError(`cannot write ${file}: ${fileProblem(error)}`);
  }
}

function fileProblem(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** `… in JSON at position 57` → `… at line 4, column 3`, which an editor can jump to. */
function jsonProblem(error: unknown, text: string): string {
  // Node quotes the whole text back ("…, "hello" is not valid JSON"); the file name says enough.
  const message = (error instanceof Error ? error.message : String(error)).replace(/, ".*" is not valid JSON$/s, '');
  const position = /at position (\d+)/.exec(message);
  if (!position) return message;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.slice(0, position.index).replace(/ in JSON\s*$/, '').trim()} at line ${line}, column ${column}`;
}

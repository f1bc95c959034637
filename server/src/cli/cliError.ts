import { ExportFormatError } from '@okr/shared/export';
import { ReviewInputError } from '@okr/shared/review';
import { ConfigError } from '../config.ts';

/** A mistake the person running the command can fix: printed as one message, exit code 2, never a stack trace. */
export class CliError extends Error {
  override name = 'CliError';
}

/** 1 also means "the review found an error", which CI reads as a failed check. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

type Issue = ExportFormatError['issues'][number];
const MAX_LISTED = 10;

/** The message for a user error, or undefined for a bug (which deserves its stack trace). */
export function describeUserError(error: unknown): string | undefined {
  return error instanceof CliError || error instanceof ConfigError ? error.message : undefined;
}

/**
 * Runs `read` on the contents of `file`, turning validation errors into one CliError that names the
 * file and the field: `plan.json: keyResults[2].baseline: expected a number, got "58%"`.
 */
export function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ExportFormatError || error instanceof ReviewInputError) throw new CliError(describeFileIssues(error.issues, file));
    throw error;
  }
}

function describeFileIssues(issues: readonly Issue[], file: string): string {
  const [only] = issues;
  if (issues.length === 1 && only) {
    if (only.path !== '(file)') return `${file}: ${only.path}: ${only.message}`;
    return /^is /.test(only.message) ? `${file} ${only.message}` : `${file}: ${only.message}`;
  }
  const lines = issues.slice(0, MAX_LISTED).map((issue) => `  - ${issue.path}: ${issue.message}`);
  if (issues.length > MAX_LISTED) lines.push(`  - …and ${issues.length - MAX_LISTED} more`);
  return `${file} has ${issues.length} problems:\n${lines.join('\n')}`;
}

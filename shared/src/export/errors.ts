import type { IssueDescription } from '../validation/describeIssues.ts';

const MAX_LISTED = 10;

/**
 * A file that is not a valid export or pre-work file. The message lists each offending field with
 * its path, e.g. `keyResults[2].baseline: expected a number, got "58%"`, so the person can fix it.
 */
export class ExportFormatError extends Error {
  constructor(
    readonly issues: readonly IssueDescription[],
    summary = 'This file is not a valid OKR export',
  ) {
    const listed = issues.slice(0, MAX_LISTED).map((issue) => `- ${issue.path}: ${issue.message}`);
    if (issues.length > MAX_LISTED) listed.push(`- …and ${issues.length - MAX_LISTED} more`);
    super(`${summary}:\n${listed.join('\n')}`);
    this.name = 'ExportFormatError';
  }
}

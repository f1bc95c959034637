import type { core } from 'zod';

/** One problem in a file, phrased for the person who has to fix it. */
export interface IssueDescription {
  /** Where, in the file's own terms: `keyResults[2].baseline`; `(file)` for the whole file. */
  path: string;
  message: string;
}

/** `['keyResults', 2, 'baseline']` → `keyResults[2].baseline`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}

/**
 * Turns zod issues into `path: message` lines. zod's own messages ("Invalid input: expected number,
 * received string") name types, not the value someone typed; these quote the value so it can be found.
 */
export function describeIssues(issues: readonly core.$ZodIssue[], input: unknown, basePath: readonly PropertyKey[] = []): IssueDescription[] {
  const out: IssueDescription[] = [];
  for (const issue of issues) {
    const path = [...basePath, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      out.push(...describeIssues(closestBranch(issue.errors), input, path));
      continue;
    }
    out.push({ path: formatIssuePath(path), message: describeIssue(issue, valueAt(input, path)) });
  }
  return out;
}

function describeIssue(issue: core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `is missing (expected ${typeName(issue.expected)})`;
      return `expected ${typeName(issue.expected)}, got ${showValue(value)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, got ${showValue(value)}`;
    case 'invalid_format':
      return `${formatExpectation(issue.format, issue.message)}, got ${showValue(value)}`;
    case 'too_big':
      return `${sizeWord(issue.origin, 'more')} ${String(issue.maximum)}${unitWord(issue.origin)}`;
    case 'too_small':
      return `${sizeWord(issue.origin, 'less')} ${String(issue.minimum)}${unitWord(issue.origin)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

/** A union fails in every branch; the branch that got deepest into the value is the one the author meant. */
function closestBranch(branches: readonly (readonly core.$ZodIssue[])[]): readonly core.$ZodIssue[] {
  let best = branches[0] ?? [];
  for (const branch of branches) {
    if (depth(branch) > depth(best)) best = branch;
  }
  return best;
}

function depth(issues: readonly core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((issue) => issue.path.length));
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function typeName(expected: string): string {
  return TYPE_NAMES[expected] ?? expected;
}

function formatExpectation(format: string, zodMessage: string): string {
  switch (format) {
    case 'email':
      return 'expected an email address';
    case 'url':
      return 'expected a web address (https://…)';
    case 'datetime':
      return 'expected an ISO date-time such as 2026-07-01T09:00:00.000Z';
    default:
      // Our own regex formats carry their message (e.g. "dates are written YYYY-MM-DD").
      return zodMessage;
  }
}

function sizeWord(origin: string, direction: 'more' | 'less'): string {
  if (origin === 'string') return direction === 'more' ? 'is longer than the limit of' : 'is shorter than the minimum of';
  if (origin === 'array') return direction === 'more' ? 'has more items than the limit of' : 'has fewer items than the minimum of';
  return direction === 'more' ? 'must be at most' : 'must be at least';
}

function unitWord(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array') return ' items';
  return '';
}

function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…"` : text;
}

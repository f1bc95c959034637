import { z } from 'zod/mini';

export const SEVERITIES = ['info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const FINDING_TARGET_KINDS = ['objective', 'keyResult', 'initiative', 'parked', 'board'] as const;
export type FindingTargetKind = (typeof FINDING_TARGET_KINDS)[number];

/** The id findings about the whole board use, so a dismissal key stays `rule:board`. */
export const BOARD_TARGET_ID = 'board';

/** One review result. Advice, never a block: the facilitator may dismiss any of them. */
export const findingSchema = z.object({
  /** A rule id from the catalogue (`RULES`), kebab-case and stable across releases. */
  rule: z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case')),
  severity: z.enum(SEVERITIES),
  /** One line: what was seen and what to consider. */
  message: z.string().check(z.maxLength(500)),
  target: z.object({ kind: z.enum(FINDING_TARGET_KINDS), id: z.string().check(z.maxLength(64)) }),
});
export type Finding = z.infer<typeof findingSchema>;

/** The key a dismissal is stored under on the board: `${rule}:${targetId}`. */
export function findingKey(finding: Pick<Finding, 'rule' | 'target'>): string {
  return `${finding.rule}:${finding.target.id}`;
}

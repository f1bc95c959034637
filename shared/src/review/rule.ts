import type { ReviewContext } from './context.ts';
import type { Finding, FindingTargetKind, Severity } from './finding.ts';

/** A rule's entry in the catalogue: what docs and the UI show beside its findings. */
export interface RuleInfo<Id extends string = string> {
  /** Stable: dismissals on boards and findings in exports refer to it. */
  id: Id;
  /** What it checks, in one line. */
  checks: string;
  /** Why it matters. */
  why: string;
  /** Where the advice comes from. */
  source: string;
}

export interface Rule<Id extends string = string> extends RuleInfo<Id> {
  run(context: ReviewContext): Finding[];
}

export type Report = (severity: Severity, target: { kind: FindingTargetKind; id: string }, message: string) => void;

/** A rule is a pure function of the review context; `report` stamps each finding with the rule's id. */
export function defineRule<const Id extends string>(
  info: RuleInfo<Id> & { check(context: ReviewContext, report: Report): void },
): Rule<Id> {
  const { check, ...catalogueEntry } = info;
  return {
    ...catalogueEntry,
    run(context) {
      const findings: Finding[] = [];
      check(context, (severity, target, message) => findings.push({ rule: info.id, severity, target, message }));
      return findings;
    },
  };
}

import type { Severity } from '../review/finding.ts';
import { formatQuantity } from '../review/text/formatQuantity.ts';
import type { CHECK_IN_CADENCES, KrDirection, KrType, LeadLag } from '../schema/index.ts';
import { CONFIDENCE_SCALE } from '../workshop/confidence.ts';

/*
 * Words the board, the Summary and the Markdown export show for the same things, defined once so
 * a key result reads alike on the projector, in the download and in a wiki page.
 */

export { quote } from '../review/rules/targets.ts';

export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export const KR_TYPE_LABELS: Record<KrType, string> = { metric: 'Metric', milestone: 'Milestone', binary: 'Binary (done or not)' };

export const LEAD_LAG_LABELS: Record<LeadLag, string> = { leading: 'Leading', lagging: 'Lagging' };

export type CheckInCadence = (typeof CHECK_IN_CADENCES)[number];

/** The cadence on its own, as the board's choice lists it. */
export const CHECK_IN_CADENCE_LABELS: Record<CheckInCadence, string> = { weekly: 'Weekly', biweekly: 'Every two weeks', monthly: 'Monthly' };

/** The cadence in a sentence: "Weekly check-ins", "Check-ins every two weeks". */
export const CHECK_IN_PHRASES: Record<CheckInCadence, string> = { weekly: 'Weekly check-ins', biweekly: 'Check-ins every two weeks', monthly: 'Monthly check-ins' };

/** A key result's levels in either shape (a board record or an export), `null` or missing alike. */
export type Levels = {
  baseline?: number | null;
  target?: number | null;
  unit?: string | null;
  direction?: KrDirection | null;
};

/**
 * "58% → 65%"; with only a target "at least 8", "at most 2 s" or "target 65%"; with only a
 * baseline "from 58%"; `undefined` while neither is set.
 */
export function levelsPhrase({ baseline, target, unit, direction }: Levels): string | undefined {
  const quantity = (value: number) => formatQuantity(value, unit ?? undefined);
  if (baseline != null && target != null) return `${quantity(baseline)} → ${quantity(target)}`;
  if (target != null) return `${direction === 'at-least' ? 'at least' : direction === 'at-most' ? 'at most' : 'target'} ${quantity(target)}`;
  if (baseline != null) return `from ${quantity(baseline)}`;
  return undefined;
}

/**
 * Confidence on the scale the room voted in: `confidenceLabel(0.7)` → "3.5 / 5". The document and the
 * JSON export keep 0 to 1; a bare "0.7" reads as 0.7 out of 5 to a room that voted with fingers.
 */
export function confidenceLabel(value: number): string {
  // The epsilon keeps 0.73 × 5 = 3.65 from rounding down through floating-point error.
  const fingers = Math.round(value * CONFIDENCE_SCALE * 10 + 1e-9) / 10;
  return `${fingers} / ${CONFIDENCE_SCALE}`;
}

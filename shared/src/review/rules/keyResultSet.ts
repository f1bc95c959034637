import type { EffectiveKeyResult } from '../effectiveKeyResult.ts';
import { confidenceLabel } from '../../export/labels.ts';
import { ACHIEVABLE_CONFIDENCE } from '../keyResultGaps.ts';
import { defineRule } from '../rule.ts';
import { QUALITY_WORDS, VOLUME_WORDS, firstWordFrom } from '../text/wordLists.ts';
import { objectiveOrBoard, quote } from './targets.ts';

const MAX_KEY_RESULTS = 5;

export const krCount = defineRule({
  id: 'kr-count',
  checks: `An objective has 2 to ${MAX_KEY_RESULTS} key results (warning at 1; error at none or more than ${MAX_KEY_RESULTS}).`,
  why: 'One key result is easily gamed and rarely captures the objective; more than five spreads the team thin.',
  source: 'Weekdone (2 to 5 key results per objective); Christina Wodtke, Radical Focus (2015), prefers 3.',
  check(context, report) {
    const count = context.keyResults.length;
    const target = objectiveOrBoard(context);
    if (count === 0 && context.objective) {
      report('error', target, 'The objective has no key results — add 2 to 5 that would show it was reached.');
    } else if (count === 1) {
      report('warning', target, 'Only one key result — consider a second that measures the objective from another angle (often quality beside volume).');
    } else if (count > MAX_KEY_RESULTS) {
      report('error', target, `${count} key results — keep the ${MAX_KEY_RESULTS} (ideally 3) that matter most and make the rest initiatives or park them.`);
    }
  },
});

export const krAllLagging = defineRule({
  id: 'kr-all-lagging',
  checks: 'Not every key result is a lagging indicator.',
  why: 'Lagging results move only at the end of the cycle; a leading indicator shows within weeks whether the work is paying off.',
  source: 'Chris McChesney, Sean Covey and Jim Huling, The 4 Disciplines of Execution (2012), "Act on the lead measures".',
  check(context, report) {
    const { keyResults } = context;
    if (keyResults.length < 2 || !keyResults.every((kr) => kr.leadLag === 'lagging')) return;
    report('info', objectiveOrBoard(context), 'Every key result is lagging — consider one leading indicator that would move within weeks.');
  },
});

export const krCounterMetric = defineRule({
  id: 'kr-counter-metric',
  checks: 'A key result that grows a volume (users, sign-ups, orders…) has a quality counter-metric beside it.',
  why: 'A volume target alone invites growth at any cost; a paired quality measure keeps it honest.',
  source: 'John Doerr, Measure What Matters (2018), on pairing key results (after Andy Grove).',
  check({ keyResults }, report) {
    for (const kr of keyResults) {
      const volume = isVolume(kr);
      if (!volume) continue;
      if (keyResults.some((other) => other !== kr && guardsQuality(other))) continue;
      report('info', { kind: 'keyResult', id: kr.id }, `${quote(kr.title)} grows a volume ("${volume}") — consider a counter-metric guarding quality (retention, satisfaction, error rate) beside it.`);
    }
  },
});

function isVolume(kr: EffectiveKeyResult): string | undefined {
  if (kr.direction === 'decrease' || kr.direction === 'at-most' || kr.unit === '%') return undefined;
  const words = `${kr.metricName ?? ''} ${kr.title}`;
  if (firstWordFrom(words, QUALITY_WORDS)) return undefined;
  return firstWordFrom(words, VOLUME_WORDS);
}

function guardsQuality(kr: EffectiveKeyResult): boolean {
  return kr.unit === '%' || firstWordFrom(`${kr.metricName ?? ''} ${kr.title}`, QUALITY_WORDS) !== undefined;
}

const SANDBAGGING = 0.9;
const FANTASY = 0.25;
const CALIBRATED = { low: 0.5, high: 0.7 };

export const confidenceCalibration = defineRule({
  id: 'confidence-calibration',
  checks: `Average confidence sits around ${confidenceLabel(CALIBRATED.low)} to ${confidenceLabel(CALIBRATED.high)}; above ${confidenceLabel(SANDBAGGING)} reads as sandbagging, below ${confidenceLabel(FANTASY)} as fantasy; a key result below ${confidenceLabel(ACHIEVABLE_CONFIDENCE)} is noted on its own (SMART Achievable).`,
  why: 'Key results the team is sure to hit stretch nobody; ones nobody believes in get quietly ignored.',
  source: 'Google\'s re:Work OKR guide expects about 0.7 on aspirational OKRs; Christina Wodtke, Radical Focus (2015), tracks confidence weekly; the 0.9 and 0.25 limits are our rule of thumb.',
  check(context, report) {
    const rated = context.keyResults.filter((kr): kr is EffectiveKeyResult & { confidence: number } => kr.confidence !== undefined);
    if (rated.length === 0) return;
    const average = rated.reduce((sum, kr) => sum + kr.confidence, 0) / rated.length;
    const shown = confidenceLabel(average);
    const target = objectiveOrBoard(context);
    if (average > SANDBAGGING) {
      report('warning', target, `Average confidence is ${shown} — that reads as sandbagging; consider stretching the targets.`);
    } else if (average < FANTASY) {
      report('warning', target, `Average confidence is ${shown} — that reads as fantasy; consider targets the team believes it can reach.`);
    } else if (average < CALIBRATED.low || average > CALIBRATED.high) {
      report('info', target, `Average confidence is ${shown} — teams aim for about ${confidenceLabel(CALIBRATED.low)} to ${confidenceLabel(CALIBRATED.high)}; consider adjusting the targets.`);
    }
    for (const kr of rated) {
      // The Achievable chip fails below the same line, on its own card, however many were voted on.
      if (kr.confidence < ACHIEVABLE_CONFIDENCE) report('info', { kind: 'keyResult', id: kr.id }, `${quote(kr.title)} has confidence ${confidenceLabel(kr.confidence)} — consider a target the team believes in, or what would raise it.`);
      else if (kr.confidence > SANDBAGGING && rated.length > 1) report('info', { kind: 'keyResult', id: kr.id }, `${quote(kr.title)} has confidence ${confidenceLabel(kr.confidence)} — a safe bet; consider a bolder target.`);
    }
  },
});

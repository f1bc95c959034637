import { effectiveKeyResult, type EffectiveKeyResult } from './effectiveKeyResult.ts';
import type { ReviewModel, ReviewObjective } from './input.ts';
import type { DateContext } from './text/dates.ts';

/** Everything a rule may read, computed once per review. */
export interface ReviewContext {
  model: ReviewModel;
  /** THE objective: the first one given. */
  objective: ReviewObjective | undefined;
  keyResults: EffectiveKeyResult[];
  dates: DateContext;
}

export interface ReviewOptions {
  /** Year for dates written without one when the input has no cycle ("30 Sep"). */
  year?: number;
}

export function buildReviewContext(model: ReviewModel, options: ReviewOptions = {}): ReviewContext {
  const dates = dateContextFor(model.cycle, options.year);
  return {
    model,
    objective: model.objectives[0],
    keyResults: model.keyResults.map((kr) => effectiveKeyResult(kr, dates)),
    dates,
  };
}

/** What the reader resolves dates against: the cycle's dates and label (for a fiscal calendar), else a year. */
export function dateContextFor(cycle: ReviewModel['cycle'], year: number | undefined): DateContext {
  return {
    ...(cycle.start ? { cycleStart: cycle.start } : {}),
    ...(cycle.end ? { cycleEnd: cycle.end } : {}),
    ...(cycle.label ? { cycleLabel: cycle.label } : {}),
    ...(year !== undefined ? { year } : {}),
  };
}

import { directionConflict } from '../direction.ts';
import { hasAnyNumber } from '../effectiveKeyResult.ts';
import { defineRule } from '../rule.ts';
import { missingFields } from '../keyResultGaps.ts';
import { quote } from './targets.ts';

/*
 * Field rules read the effective key result: a filled field, or else what the title says. Baseline
 * and target only speak up once a key result has some number, so a bare draft gets one finding
 * ("add a number"), not three.
 */

const krTarget = (id: string) => ({ kind: 'keyResult' as const, id });

export const krHasNumber = defineRule({
  id: 'kr-has-number',
  checks: 'A key result carries a number (binary key results excepted).',
  why: 'Without a number nobody can tell at the end of the cycle whether it was met.',
  source: 'John Doerr, Measure What Matters (2018), quoting Marissa Mayer: "it\'s not a key result unless it has a number".',
  check({ keyResults, model }, report) {
    for (const kr of keyResults) {
      if (!missingFields(kr, model.cycle.end).includes('number')) continue;
      report('warning', krTarget(kr.id), `${quote(kr.title)} has no number — name what you will count and the value you aim for.`);
    }
  },
});

export const krHasBaseline = defineRule({
  id: 'kr-has-baseline',
  checks: 'A metric key result states where it starts (its baseline).',
  why: 'A target means little without the starting point: 65% is ambitious from 40%, trivial from 64%.',
  source: 'SMART "Measurable" (George T. Doran, "There\'s a S.M.A.R.T. way to write management\'s goals and objectives", Management Review, 1981).',
  check({ keyResults, model }, report) {
    for (const kr of keyResults) {
      if (!hasAnyNumber(kr) || !missingFields(kr, model.cycle.end).includes('baseline')) continue;
      report('warning', krTarget(kr.id), `${quote(kr.title)} has no baseline — write where the metric stands today ("from 58% to 65%"); if nobody knows, measuring it is the first step.`);
    }
  },
});

export const krHasTarget = defineRule({
  id: 'kr-has-target',
  checks: 'A key result states the value it aims for (its target).',
  why: 'A change such as "+20%" or "by 5 points" only becomes checkable once it names the level to reach.',
  source: 'SMART "Measurable" (George T. Doran, "There\'s a S.M.A.R.T. way to write management\'s goals and objectives", Management Review, 1981).',
  check({ keyResults, model }, report) {
    for (const kr of keyResults) {
      if (!hasAnyNumber(kr) || !missingFields(kr, model.cycle.end).includes('target')) continue;
      report('warning', krTarget(kr.id), `${quote(kr.title)} has no target value — write the level to reach; a change like "+20%" needs its baseline to become one.`);
    }
  },
});

export const krHasDeadline = defineRule({
  id: 'kr-has-deadline',
  checks: 'A key result has a deadline (or is read as due at the end of the cycle).',
  why: 'A date turns an intention into a commitment and sets the check-in rhythm.',
  source: 'SMART "Time-bound" (George T. Doran, Management Review, 1981).',
  check({ keyResults, model }, report) {
    for (const kr of keyResults) {
      if (missingFields(kr, model.cycle.end).includes('deadline')) {
        report('warning', krTarget(kr.id), `${quote(kr.title)} has no deadline — set the date it is due, inside the cycle.`);
      } else if (!kr.mentionsDeadline && model.cycle.end) {
        report('info', krTarget(kr.id), `${quote(kr.title)} has no deadline — it will be read as the cycle end (${model.cycle.end}); set one if it is due earlier.`);
      }
    }
  },
});

export const krDeadlineInCycle = defineRule({
  id: 'kr-deadline-in-cycle',
  checks: 'A key result\'s deadline falls inside the workshop\'s cycle.',
  why: 'A key result due after the cycle cannot be scored at its end; one due before it may belong to the last cycle.',
  source: 'SMART "Time-bound" (George T. Doran, Management Review, 1981), which Doran wrote as "time-related".',
  check({ keyResults, model }, report) {
    const { start, end } = model.cycle;
    if (!start || !end) return;
    for (const kr of keyResults) {
      if (!kr.deadline || (kr.deadline >= start && kr.deadline <= end)) continue;
      report('warning', krTarget(kr.id), `${quote(kr.title)} is due ${kr.deadline}, outside the cycle (${start} to ${end}) — move the date inside or plan it for another cycle.`);
    }
  },
});

export const krHasOwner = defineRule({
  id: 'kr-has-owner',
  checks: 'Every key result has an owner.',
  why: 'One named person keeps it visible and reports on it at check-ins; OKR tools match owners by email on import.',
  source: 'WorkBoard requires an owner per key result.',
  check({ keyResults, model }, report) {
    for (const kr of keyResults) {
      if (!missingFields(kr, model.cycle.end).includes('owner')) continue;
      report('warning', krTarget(kr.id), `${quote(kr.title)} has no owner — name one person who tracks it and reports at check-ins.`);
    }
  },
});

export const krDirection = defineRule({
  id: 'kr-direction',
  checks: 'The direction agrees with baseline and target (increase needs a target above the baseline, and so on).',
  why: 'A mismatch usually means swapped numbers or the wrong direction, and progress would be computed backwards.',
  source: 'A consistency check of ours: Google\'s re:Work OKR guide grades a key result by how far it got from start to target, which only works when the direction agrees.',
  check({ keyResults }, report) {
    for (const kr of keyResults) {
      const conflict = directionConflict(kr.direction, kr.baseline, kr.target);
      if (conflict) report(conflict.severity, krTarget(kr.id), `${quote(kr.title)} ${conflict.message}`);
    }
  },
});

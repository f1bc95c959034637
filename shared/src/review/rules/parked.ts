import { defineRule } from '../rule.ts';
import { board, quote } from './targets.ts';

export const parkedReasons = defineRule({
  id: 'parked-reasons',
  checks: 'Every parked item has a reason, and candidates that were not chosen are parked or discarded.',
  why: 'Focus means saying not now out loud: a parked list with reasons lets the team revisit ideas instead of losing them.',
  source: 'Christina Wodtke, Radical Focus (2015): "set only one OKR"; John Doerr, Measure What Matters (2018), "Focus and commit to priorities".',
  check({ model, objective }, report) {
    for (const item of model.parked) {
      if (item.reason !== undefined) continue;
      report('warning', { kind: 'parked', id: item.id }, `${quote(item.text)} is parked without a reason — write why it waits, so it can be revisited.`);
    }
    const unsorted = (model.candidates ?? []).filter((candidate) => candidate.status === 'unsorted').length;
    if (objective && unsorted > 0) {
      report('info', board, `${unsorted} candidate${unsorted === 1 ? ' is' : 's are'} neither chosen, parked nor discarded — park the ones worth revisiting, with a reason.`);
    }
  },
});

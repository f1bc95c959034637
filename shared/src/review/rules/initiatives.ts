import { defineRule } from '../rule.ts';
import { hasOwner } from '../../workshop/owner.ts';
import { quote } from './targets.ts';

export const initiativeLinked = defineRule({
  id: 'initiative-linked',
  checks: 'Every initiative links to at least one key result.',
  why: 'An initiative earns its place by the key result it should move; unlinked work is a candidate to drop.',
  source: 'Joshua Seiden, Outcomes Over Output (2019): work is judged by the change in behaviour it brings, so each piece of work names the key result it serves.',
  check({ model }, report) {
    const keyResultIds = new Set(model.keyResults.map((kr) => kr.id));
    for (const initiative of model.initiatives) {
      if (initiative.keyResultIds.some((id) => keyResultIds.has(id))) continue;
      report('warning', { kind: 'initiative', id: initiative.id }, `${quote(initiative.title)} is linked to no key result — link the one it should move, or ask whether the team needs it.`);
    }
  },
});

export const initiativeHasOwner = defineRule({
  id: 'initiative-has-owner',
  checks: 'Every initiative has an owner.',
  why: 'Work without an owner waits for somebody else.',
  source: 'John Doerr, Measure What Matters (2018), "Track for accountability"; WorkBoard asks for an owner on every key result, and we ask the same of the work.',
  check({ model }, report) {
    for (const initiative of model.initiatives) {
      if (hasOwner(initiative)) continue;
      report('warning', { kind: 'initiative', id: initiative.id }, `${quote(initiative.title)} has no owner — name the person who drives it.`);
    }
  },
});

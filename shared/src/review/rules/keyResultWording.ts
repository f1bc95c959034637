import { defineRule } from '../rule.ts';
import { leadingOutputVerb } from '../text/outputVerbs.ts';
import { ACTIVITY_NOUNS, IMPACT_WORDS, firstWordFrom } from '../text/wordLists.ts';
import { quote } from './targets.ts';

export const krIsInitiative = defineRule({
  id: 'kr-is-initiative',
  checks: 'A key result does not read like a task: an output verb with fewer than two numbers, or a milestone.',
  why: 'Work the team does is an initiative, linked to the key results it should move; counting it as progress makes progress meaningless, and the team should be free to change it without touching the OKR.',
  source: 'Joshua Seiden, Outcomes Over Output (2019); Perdoo warns on key results that only run from 0 to 100% (milestones as key results).',
  check({ keyResults }, report) {
    for (const kr of keyResults) {
      const verb = leadingOutputVerb(kr.title);
      if (verb && kr.parsed.numbers.length < 2) {
        report('warning', { kind: 'keyResult', id: kr.id }, `${quote(kr.title)} reads like a task ("${verb}") — if it is work the team does, make it an initiative and link it to the key result it should move.`);
      } else if (kr.type === 'milestone') {
        report('info', { kind: 'keyResult', id: kr.id }, `${quote(kr.title)} is a milestone, done or not done — consider making it an initiative and measuring what it should change.`);
      }
    }
  },
});

export const krActivityCount = defineRule({
  id: 'kr-activity-count',
  checks: 'A key result that counts activity (calls, meetings, posts…) also names an impact (conversion, retention, churn, NPS…).',
  why: 'Counting effort rewards being busy; an impact word shows what the effort should change.',
  source: 'Joshua Seiden, Outcomes Over Output (2019): an outcome is a change in behaviour, which a count of effort does not show.',
  check({ keyResults }, report) {
    for (const kr of keyResults) {
      const words = `${kr.title} ${kr.metricName ?? ''}`;
      const activity = firstWordFrom(words, ACTIVITY_NOUNS);
      if (!activity || firstWordFrom(words, IMPACT_WORDS)) continue;
      report('info', { kind: 'keyResult', id: kr.id }, `${quote(kr.title)} counts activity ("${activity}") — fine for a leading or discovery key result; otherwise consider what the ${activity} should change.`);
    }
  },
});

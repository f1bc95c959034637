import { describe, expect, it } from 'vitest';
import type { Severity } from '../finding.ts';
import type { ReviewInput, ReviewKeyResultInput } from '../input.ts';
import { reviewOkrs } from '../reviewOkrs.ts';
import { RULES, type RuleId } from './index.ts';

const KR1 = { id: 'kr-1', title: 'Checkout conversion rate from 58% to 65% by 30 Sep', owner: { name: 'Ana' }, confidence: 0.6, leadLag: 'lagging' } as const;
const KR2 = { id: 'kr-2', title: 'Reduce cart abandonment from 70% to 60% by 15 Sep', owner: { name: 'Ben' }, confidence: 0.6, leadLag: 'leading' } as const;
const KR3 = { id: 'kr-3', title: 'Avg. customer satisfaction score from 7.4 to 8 by 30 Sep', ownerName: 'Chloé', confidence: 0.5 } as const;
const INITIATIVE = { id: 'i-1', title: 'Cart reminder emails', owner: { name: 'Dan' }, keyResultIds: ['kr-2'] };

/** An OKR that every rule is happy with; each case below changes one thing about it. */
const GOOD = {
  workshop: { cycle: { label: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' } },
  context: [{ id: 'ctx-1' }],
  objective: { candidateId: 'obj', title: 'Checkout feels effortless for returning customers', contextIds: ['ctx-1'] },
  keyResults: [KR1, KR2, KR3] as ReviewKeyResultInput[],
  initiatives: [INITIATIVE],
  parked: [{ id: 'p-1', text: 'Mobile app parity', reason: 'Waits for the platform team' }],
  candidates: [
    { id: 'obj', status: 'chosen' },
    { id: 'c-2', status: 'parked' },
  ],
} satisfies ReviewInput;

type KrPatch = { [K in 'title' | 'owner' | 'ownerEmail' | 'deadline' | 'type' | 'direction' | 'baseline' | 'target']?: unknown };

/** GOOD with its objective's fields changed. */
const objective = (patch: Partial<typeof GOOD.objective> | string | null): ReviewInput => ({
  ...GOOD,
  objective: typeof patch === 'string' || patch === null ? patch : { ...GOOD.objective, ...patch },
});
/** GOOD with the first key result changed. */
const firstKr = (patch: KrPatch): ReviewInput => ({ ...GOOD, keyResults: [{ ...KR1, ...patch } as ReviewKeyResultInput, KR2, KR3] });
/** GOOD with these key results in place of its own. */
const keyResults = (...list: ReviewKeyResultInput[]): ReviewInput => ({ ...GOOD, keyResults: list });
const owned = (id: string, title: string, extra: object = {}): ReviewKeyResultInput => ({ id, title, ownerName: 'Ana', ...extra });
const confidences = (a: number, b: number, c: number): ReviewInput => ({
  ...GOOD,
  keyResults: [
    { ...KR1, confidence: a },
    { ...KR2, confidence: b },
    { ...KR3, confidence: c },
  ],
});

type Case = [name: string, input: ReviewInput, expected: [Severity, string][]];
const CASES: Record<RuleId, Case[]> = {
  'single-objective': [
    ['fires when no objective is confirmed', objective(null), [['warning', 'board']]],
    ['fires on several objectives', { ...GOOD, objective: undefined, objectives: ['Checkout feels effortless', 'Mobile app parity'] }, [['warning', 'board']]],
    ['notes two objectives merged into one', objective({ title: 'Checkout feels effortless / Mobile app parity' }), [['info', 'obj']]],
    ['stays quiet on one objective', GOOD, []],
    ['stays quiet on "and" inside one objective', objective({ title: 'Fast and friendly checkout' }), []],
  ],
  'objective-no-numbers': [
    ['fires on a percentage', objective({ title: 'Checkout conversion reaches 65%' }), [['warning', 'obj']]],
    ['fires on a count', objective({ title: 'Win 3 enterprise accounts' }), [['warning', 'obj']]],
    ['ignores quarter and year labels', objective({ title: 'Own the EU market in Q3 2026' }), []],
    ['stays quiet on words', GOOD, []],
  ],
  'objective-not-output': [
    ['notes "Launch"', objective({ title: 'Launch the new checkout' }), [['info', 'obj']]],
    ['notes "We will migrate"', objective({ title: 'We will migrate to the new payment provider' }), [['info', 'obj']]],
    ['stays quiet on an outcome', objective({ title: 'Returning customers check out without friction' }), []],
    ['stays quiet on a word that only starts like a verb', objective({ title: 'Launchpad customers love us' }), []],
    ['notes a staffing verb', objective({ title: 'Recruit a world-class payments team' }), [['info', 'obj']]],
    ['notes a changing verb', objective({ title: 'Upgrade our checkout platform' }), [['info', 'obj']]],
    ['stays quiet on a noun that is also a verb', objective({ title: 'Training makes every agent confident' }), []],
  ],
  'objective-length': [
    ['notes 20 words', objective({ title: Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ') }), [['info', 'obj']]],
    ['stays quiet at 18 words', objective({ title: Array.from({ length: 18 }, (_, i) => `word${i}`).join(' ') }), []],
  ],
  'objective-linked-context': [
    ['fires with no links', objective({ contextIds: [] }), [['warning', 'obj']]],
    ['fires when the only link points at a deleted item', objective({ contextIds: ['ctx-gone'] }), [['warning', 'obj']]],
    ['fires on a title-only objective', objective('Checkout feels effortless'), [['warning', 'objective']]],
    ['stays quiet when linked', GOOD, []],
    ['trusts links when no context list is given', { ...GOOD, context: undefined }, []],
  ],
  'parked-reasons': [
    ['fires on a parked item without a reason', { ...GOOD, parked: [{ id: 'p-1', text: 'Mobile app parity', reason: ' ' }] }, [['warning', 'p-1']]],
    ['notes candidates left unsorted', { ...GOOD, candidates: [...GOOD.candidates, { id: 'c-3', status: 'unsorted' }] }, [['info', 'board']]],
    ['stays quiet with reasons and sorted candidates', GOOD, []],
    ['waits for the decision before asking to sort', { ...objective(null), candidates: [{ id: 'c-3', status: 'unsorted' }] }, []],
  ],
  'kr-count': [
    ['errs on no key results', keyResults(), [['error', 'obj']]],
    ['warns on one key result', keyResults(KR1), [['warning', 'obj']]],
    ['errs on six key results', keyResults(...[KR1, KR2, KR3, KR1, KR2, KR3].map((kr, i) => ({ ...kr, id: `kr-${i}` }))), [['error', 'obj']]],
    ['stays quiet on three', GOOD, []],
    ['waits for an objective before asking for key results', { ...objective(null), keyResults: [] }, []],
  ],
  'kr-has-number': [
    ['fires on words only', firstKr({ title: 'Improve onboarding' }), [['warning', 'kr-1']]],
    ['stays quiet on a binary key result', firstKr({ title: 'SOC 2 audit passed', type: 'binary' }), []],
    ['counts a structured target', firstKr({ title: 'Checkout conversion', baseline: 58, target: 65 }), []],
    ['stays quiet on numbers in the title', GOOD, []],
    ['stays quiet on a multiple in words ("Triple…")', firstKr({ title: 'Triple weekly active users by 30 Sep' }), []],
    ['stays quiet on a share in words ("a quarter fewer")', firstKr({ title: 'Support tickets a quarter fewer by 30 Sep' }), []],
    ['stays quiet on "ten-fold"', firstKr({ title: 'Grow self-serve revenue ten-fold by 30 Sep' }), []],
    ['fires on "double" that is no multiple', firstKr({ title: 'Double-check every refund' }), [['warning', 'kr-1']]],
    ['fires on a share of a group', firstKr({ title: 'Reach a quarter of our customers' }), [['warning', 'kr-1']]],
  ],
  'kr-has-baseline': [
    ['fires on a bare target', firstKr({ title: 'Checkout conversion rate > 65% by 30 Sep' }), [['warning', 'kr-1']]],
    ['takes the baseline field', firstKr({ title: 'Checkout conversion rate > 65% by 30 Sep', baseline: 58 }), []],
    ['leaves number-less drafts to kr-has-number', firstKr({ title: 'Improve onboarding' }), []],
    ['skips milestones', firstKr({ title: 'Ship 3 of 5 payment methods', type: 'milestone' }), []],
  ],
  'kr-has-target': [
    ['fires on a change without a level', firstKr({ title: 'Increase revenue by 20% by 30 Sep' }), [['warning', 'kr-1']]],
    ['takes the target field', firstKr({ title: 'Increase revenue by 20% by 30 Sep', baseline: 100_000, target: 120_000 }), []],
    ['reads a comparison as the target', firstKr({ title: 'Checkout conversion rate > 65% by 30 Sep', baseline: 58 }), []],
    ['fires on a multiple without a baseline', firstKr({ title: 'Triple weekly active users by 30 Sep' }), [['warning', 'kr-1']]],
    ['reads the target from a baseline and a multiple', firstKr({ title: 'Triple weekly active users from 1,200 by 30 Sep' }), []],
    ['reads the target from a baseline and a share', firstKr({ title: 'Cut refund rate from 6% by a third by 30 Sep' }), []],
  ],
  'kr-has-deadline': [
    ['notes the cycle end stands in', firstKr({ title: 'Reduce churn from 5% to 3%' }), [['info', 'kr-1']]],
    ['warns when there is no cycle either', { ...firstKr({ title: 'Reduce churn from 5% to 3%' }), workshop: null }, [['warning', 'kr-1']]],
    ['takes the deadline field', firstKr({ title: 'Reduce churn from 5% to 3%', deadline: '2026-09-15' }), []],
    ['counts a date it cannot place in a year', { ...GOOD, workshop: undefined }, []],
    ['reads a month alone', firstKr({ title: 'Reduce churn from 5% to 3% by September' }), []],
    ['reads part of a month', firstKr({ title: 'Reduce churn from 5% to 3% by early September' }), []],
    ['reads day/month without a year', firstKr({ title: 'Reduce churn from 5% to 3% by 15/09' }), []],
    ['reads a period counted from the cycle start', firstKr({ title: 'Reduce churn from 5% to 3% within six weeks' }), []],
    ['reads a week of the cycle', firstKr({ title: 'Reduce churn from 5% to 3% by week 6' }), []],
    ['reads a fiscal year', firstKr({ title: 'Reduce churn from 5% to 3% by FY26' }), []],
    ['takes no service level for a deadline', firstKr({ title: 'Answer 90% of tickets within 2 days' }), [['info', 'kr-1']]],
    ['takes no round-the-clock support for a deadline', firstKr({ title: 'Support 24/7 in 5 markets' }), [['info', 'kr-1']]],
    ['takes no "may" for a month', firstKr({ title: 'Churn may fall from 5% to 3%' }), [['info', 'kr-1']]],
    ['takes no cohort week for a deadline', firstKr({ title: 'Retention at week 6 from 20% to 30%' }), [['info', 'kr-1']]],
  ],
  'kr-deadline-in-cycle': [
    ['fires on a date after the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% by 15 Oct 2026' }), [['warning', 'kr-1']]],
    ['fires on a deadline field before the cycle', firstKr({ deadline: '2026-06-30' }), [['warning', 'kr-1']]],
    ['accepts the last day of the cycle', firstKr({ deadline: '2026-09-30' }), []],
    ['says nothing without a cycle', { ...firstKr({ deadline: '2027-01-01' }), workshop: null }, []],
    ['fires on a month alone after the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% by October' }), [['warning', 'kr-1']]],
    ['fires on an ISO date after the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% by 2027-03-31' }), [['warning', 'kr-1']]],
    ['fires on a period that runs past the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% within six months' }), [['warning', 'kr-1']]],
    ['fires on a fiscal year after the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% in FY2027' }), [['warning', 'kr-1']]],
    ['reads an ambiguous date by the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% by 03/08' }), []],
    ['accepts the middle of a month inside the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% by mid-August' }), []],
    ['accepts a period inside the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% within 90 days' }), []],
    ['accepts a week of the cycle', firstKr({ title: 'Checkout conversion rate from 58% to 65% by week 6' }), []],
    ['accepts the end of the fiscal quarter the cycle is', { ...firstKr({ title: 'Checkout conversion rate from 58% to 65% by Q1 FY27' }), workshop: { cycle: { label: 'Q1 FY27', start: '2026-07-01', end: '2026-09-30' } } }, []],
  ],
  'kr-has-owner': [
    ['fires without an owner', firstKr({ owner: null }), [['warning', 'kr-1']]],
    ['fires on a blank owner name', firstKr({ owner: { name: '  ' } }), [['warning', 'kr-1']]],
    ['takes an email alone', firstKr({ owner: null, ownerEmail: 'ana@example.com' }), []],
    ['takes an owner written as text', firstKr({ owner: 'Ana' }), []],
  ],
  'kr-direction': [
    ['fires on increase with a lower target', firstKr({ direction: 'increase', baseline: 5, target: 3 }), [['warning', 'kr-1']]],
    ['fires on "reduce" with a higher target', firstKr({ title: 'Reduce churn from 3% to 5% by 30 Sep' }), [['warning', 'kr-1']]],
    ['notes a floor that is really an increase', firstKr({ direction: 'at-least', baseline: 58, target: 65 }), [['info', 'kr-1']]],
    ['notes a ceiling that is really a decrease', firstKr({ direction: 'at-most', baseline: 400, target: 300 }), [['info', 'kr-1']]],
    ['accepts a floor already held', firstKr({ direction: 'at-least', baseline: 8.2, target: 8 }), []],
    ['accepts a decrease', firstKr({ title: 'Reduce churn from 5% to 3% by 30 Sep' }), []],
    ['fires on "halve" with a higher target', firstKr({ title: 'Halve churn from 3% to 5% by 30 Sep' }), [['warning', 'kr-1']]],
    ['accepts a quarter fewer', firstKr({ title: 'Support tickets from 400 a quarter fewer by 30 Sep' }), []],
    ['accepts a multiple with its baseline', firstKr({ title: 'Quadruple paying customers from 50 by 30 Sep' }), []],
  ],
  'kr-is-initiative': [
    ['fires on "Build a tool…"', keyResults(owned('kr-1', 'Build a tool to remind people of their shopping cart'), KR2, KR3), [['warning', 'kr-1']]],
    ['fires on "Integrate sign-in…"', keyResults(owned('kr-1', 'Integrate sign-in via Amazon'), KR2, KR3), [['warning', 'kr-1']]],
    ['fires on "Launch the new onboarding flow"', keyResults(owned('kr-1', 'Launch the new onboarding flow'), KR2, KR3), [['warning', 'kr-1']]],
    ['notes a milestone', firstKr({ type: 'milestone' }), [['info', 'kr-1']]],
    ['stays quiet on "Checkout conversion rate > 65%"', firstKr({ title: 'Checkout conversion rate > 65%' }), []],
    ['stays quiet on "Avg. customer satisfaction score > 8"', firstKr({ title: 'Avg. customer satisfaction score > 8' }), []],
    ['stays quiet on "Reduce churn from 5% to 3%"', firstKr({ title: 'Reduce churn from 5% to 3%' }), []],
    ['stays quiet on "Increase weekly active users from 1,200 to 2,000"', firstKr({ title: 'Increase weekly active users from 1,200 to 2,000' }), []],
    ['stays quiet on an output verb with a baseline and a target', firstKr({ title: 'Release cadence from 2 to 6 per month' }), []],
    ['fires on a building verb ("Construct…")', firstKr({ title: 'Construct a partner portal by 30 Sep' }), [['warning', 'kr-1']]],
    ['fires on a changing verb ("Upgrade…")', firstKr({ title: 'Upgrade the payment library by 30 Sep' }), [['warning', 'kr-1']]],
    ['fires on a changing verb ("Translate…")', firstKr({ title: 'Translate checkout into 4 languages' }), [['warning', 'kr-1']]],
    ['fires on a staffing verb ("Recruit…")', firstKr({ title: 'Recruit 2 payment engineers by 31 Aug' }), [['warning', 'kr-1']]],
    ['fires on a staffing verb ("Hire…")', firstKr({ title: 'Hire a checkout designer' }), [['warning', 'kr-1']]],
    ['fires on an adding verb ("Extend…")', firstKr({ title: 'Extend guest checkout to mobile' }), [['warning', 'kr-1']]],
    ['fires on an adding verb ("Add…")', firstKr({ title: 'Add 3 payment methods' }), [['warning', 'kr-1']]],
    ['fires on an inflected verb before its object', firstKr({ title: 'Migrated all stores to the new checkout' }), [['warning', 'kr-1']]],
    ['stays quiet on a gerund that names a metric', firstKr({ title: 'Training completion rate above 90%' }), []],
    ['stays quiet on a plural that names a metric', firstKr({ title: 'Upgrades to the annual plan above 200 per month' }), []],
    ['stays quiet on a hyphenated noun', firstKr({ title: 'Add-on revenue above $50k per month' }), []],
    ['stays quiet on a noun left out of the list', firstKr({ title: 'Code coverage above 80%' }), []],
    ['stays quiet on an outcome verb', firstKr({ title: 'Convert 20% of trials to paid plans' }), []],
  ],
  'kr-activity-count': [
    ['notes counted calls', firstKr({ title: 'Make 50 sales calls per week' }), [['info', 'kr-1']]],
    ['notes counted blog posts', firstKr({ title: 'Publish 12 blog posts', type: 'metric' }), [['info', 'kr-1']]],
    ['stays quiet when the calls name an impact', firstKr({ title: 'Sales calls conversion from 12% to 20%' }), []],
    ['stays quiet on discovery interviews', firstKr({ title: 'Interview 10 churned customers by 31 Aug' }), []],
  ],
  'kr-all-lagging': [
    ['notes every key result lagging', keyResults(KR1, { ...KR2, leadLag: 'lagging' }, { ...KR3, leadLag: 'lagging' }), [['info', 'obj']]],
    ['stays quiet with one leading', GOOD, []],
    ['stays quiet when some are unmarked', keyResults(KR1, { ...KR2, leadLag: 'lagging' }, KR3), []],
  ],
  'kr-counter-metric': [
    [
      'notes volumes with nothing guarding quality',
      keyResults(owned('kr-a', 'Increase weekly active users from 1,200 to 2,000 by 30 Sep'), owned('kr-b', 'Sign-ups from 300 to 500 per week by 30 Sep')),
      [['info', 'kr-a'], ['info', 'kr-b']],
    ],
    ['stays quiet beside a churn key result', keyResults(owned('kr-a', 'Increase weekly active users from 1,200 to 2,000 by 30 Sep'), owned('kr-b', 'Reduce churn from 5% to 3% by 30 Sep')), []],
    ['stays quiet on a volume going down', keyResults(owned('kr-a', 'Reduce support tickets from 400 to 300 by 30 Sep'), owned('kr-b', 'Increase orders from 10 to 12 per day by 30 Sep', { unit: '%' })), []],
  ],
  'confidence-calibration': [
    ['warns on sandbagging', confidences(0.95, 0.95, 0.95), [['warning', 'obj'], ['info', 'kr-1'], ['info', 'kr-2'], ['info', 'kr-3']]],
    ['warns on fantasy', confidences(0.2, 0.2, 0.2), [['warning', 'obj'], ['info', 'kr-1'], ['info', 'kr-2'], ['info', 'kr-3']]],
    ['notes an average just above the band', confidences(0.8, 0.8, 0.8), [['info', 'obj']]],
    ['notes one outlier in a calibrated set', confidences(0.95, 0.5, 0.5), [['info', 'kr-1']]],
    ['stays quiet in the band', GOOD, []],
    ['stays quiet before any vote', keyResults(...[KR1, KR2, KR3].map(({ confidence: _confidence, ...kr }) => kr)), []],
  ],
  'initiative-linked': [
    ['fires on no links', { ...GOOD, initiatives: [{ ...INITIATIVE, keyResultIds: [] }] }, [['warning', 'i-1']]],
    ['fires on a link to a deleted key result', { ...GOOD, initiatives: [{ ...INITIATIVE, keyResultIds: ['kr-gone'] }] }, [['warning', 'i-1']]],
    ['stays quiet when linked', GOOD, []],
  ],
  'initiative-has-owner': [
    ['fires without an owner', { ...GOOD, initiatives: [{ ...INITIATIVE, owner: null }] }, [['warning', 'i-1']]],
    ['takes the record shape', { ...GOOD, initiatives: [{ id: 'i-1', title: 'Cart reminder emails', ownerName: 'Dan', keyResultIds: ['kr-2'] }] }, []],
  ],
};

describe('review rules', () => {
  it('find nothing wrong with a good OKR', () => {
    expect(reviewOkrs(GOOD)).toEqual([]);
  });

  describe.each(RULES.map((rule) => [rule.id, CASES[rule.id]] as const))('%s', (ruleId, cases) => {
    it.each(cases)('%s', (_name, input, expected) => {
      const findings = reviewOkrs(input).filter((finding) => finding.rule === ruleId);
      expect(findings.map((finding) => [finding.severity, finding.target.id])).toEqual(expected);
      for (const finding of findings) {
        // One line that says what was seen, then what to consider.
        expect(finding.message).not.toContain('\n');
        expect(finding.message).toMatch(/ — \S/);
      }
    });

    it('has cases that fire and cases that stay quiet', () => {
      expect(cases.some(([, , expected]) => expected.length > 0)).toBe(true);
      expect(cases.some(([, , expected]) => expected.length === 0)).toBe(true);
    });
  });
});

describe('RULES catalogue', () => {
  it('has unique kebab-case ids with what, why and source filled in', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)*$/);
      expect(rule.checks.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.source.length).toBeGreaterThan(5);
    }
  });

  it('raises errors only for the key-result count (Weekdone: 2 to 5 key results per objective)', () => {
    const bad: ReviewInput = { objective: 'Launch 2 products', keyResults: ['Build a tool', 'Make 50 calls', 'Ship it', 'Write docs', 'Run ads', 'Host events'] };
    const errors = reviewOkrs(bad).filter((finding) => finding.severity === 'error');
    expect(errors.map((finding) => finding.rule)).toEqual(['kr-count']);
  });
});

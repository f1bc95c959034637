import { BoardDoc, ControlDoc } from '../../doc/index.ts';

/** Fixed clock for golden files: exports made in tests never depend on when they ran. */
export const FIXED_NOW = new Date('2026-07-03T10:00:00.000Z');

/**
 * A board at the end of a workshop, with fixed ids, built through BoardDoc and ControlDoc exactly as
 * the app builds one. It holds a bit of everything the export and the review know about: a chosen,
 * a parked, a discarded and an unsorted candidate, a key result written only as a sentence, one that
 * reads like a task, an unlinked initiative, a parked item without a reason and one dismissal.
 */
export function sampleBoard(): { board: BoardDoc; control: ControlDoc } {
  const board = new BoardDoc();
  const control = new ControlDoc();
  board.updateWorkshop({
    title: 'Checkout team OKRs',
    team: 'Checkout',
    cycleLabel: 'Q3 2026',
    cycleStart: '2026-07-01',
    cycleEnd: '2026-09-30',
    checkInCadence: 'weekly',
    firstCheckIn: '2026-07-08',
  });

  board.addContextItem({ id: 'ctx-mission', kind: 'mission', text: 'Make buying online feel effortless' });
  board.addContextItem({ id: 'ctx-strategy', kind: 'product-strategy', text: 'Win repeat buyers in the EU', link: 'https://wiki.example.com/strategy' });
  board.addContextItem({ id: 'ctx-metric', kind: 'metric', text: 'Checkout conversion is 58%' });

  board.addCandidate({ id: 'cand-checkout', text: 'Checkout feels effortless for returning customers', authorId: 'u-ana', authorName: 'Ana Lima' });
  board.addCandidate({ id: 'cand-mobile', text: 'Mobile app reaches parity with web', authorName: 'Ben Okafor', clusterId: 'cand-mobile' });
  board.addCandidate({ id: 'cand-mobile-2', text: 'Mobile checkout', authorName: 'Chloé Martin', clusterId: 'cand-mobile' });
  board.addCandidate({ id: 'cand-brand', text: 'Refresh the brand', authorName: 'Dan Weiss', discarded: true });
  board.addCandidate({ id: 'cand-loyalty', text: 'Launch a loyalty programme', authorName: 'Ana Lima' });

  board.addParkedItem({
    id: 'parked-mobile',
    text: 'Mobile app reaches parity with web',
    reason: 'Depends on the platform team\'s Q4 release',
    ownerName: 'Ben Okafor',
    ownerEmail: 'ben@example.com',
    revisitDate: '2026-10-01',
    candidateId: 'cand-mobile',
  });
  board.addParkedItem({ id: 'parked-ops', text: 'Automate refunds', reason: '' });

  board.addKeyResult({
    id: 'kr-conversion',
    title: 'Checkout conversion rate from 58% to 65% by 30 Sep',
    metricName: 'Checkout conversion rate',
    unit: '%',
    type: 'metric',
    direction: 'increase',
    baseline: 58,
    target: 65,
    deadline: '2026-09-30',
    ownerName: 'Ana Lima',
    ownerEmail: 'ana@example.com',
    confidence: 0.6,
    leadLag: 'lagging',
  });
  board.addKeyResult({
    id: 'kr-csat',
    title: 'Avg. customer satisfaction score > 8',
    metricName: 'Customer satisfaction score',
    type: 'metric',
    direction: 'at-least',
    baseline: 8.2,
    target: 8,
    deadline: '2026-09-30',
    ownerName: 'Ben Okafor',
    confidence: 0.8,
    leadLag: 'lagging',
  });
  // Written as a sentence only: the review reads its numbers and date from the words.
  board.addKeyResult({ id: 'kr-abandon', title: 'Reduce cart abandonment from 70% to 60% by 15 Sep', ownerName: 'Chloé Martin', confidence: 0.5, leadLag: 'leading' });
  board.addKeyResult({ id: 'kr-reminder', title: 'Build a tool to remind people of their shopping cart' });

  board.addInitiative({
    id: 'init-reminder',
    title: 'Cart reminder emails',
    ownerName: 'Dan Weiss',
    ownerEmail: 'dan@example.com',
    keyResultIds: ['kr-abandon', 'kr-conversion'],
  });
  board.addInitiative({ id: 'init-design', title: 'Refresh the design system', keyResultIds: [] });

  board.dismissFinding('kr-has-number:kr-reminder', 'Ana Lima');

  control.setObjective({
    candidateId: 'cand-checkout',
    title: 'Checkout feels effortless for returning customers',
    description: 'Returning customers pay in seconds, on any device.',
    commitment: 'committed',
    contextIds: ['ctx-mission', 'ctx-strategy'],
    tally: [
      { candidateId: 'cand-checkout', text: 'Checkout feels effortless for returning customers', votes: 7 },
      { candidateId: 'cand-mobile', text: 'Mobile app reaches parity with web', votes: 4 },
      { candidateId: 'cand-loyalty', text: 'Launch a loyalty programme', votes: 1 },
    ],
    rationale: 'Biggest lever on repeat revenue; mobile waits for the platform team.',
    decidedAt: '2026-07-03T09:30:00.000Z',
  });
  // The plan, with one timebox edited, and the group's moves: the export's agenda reads both.
  const at = (time: string) => Date.parse(`2026-07-03T${time}:00.000Z`);
  control.setTimebox('refine', 20);
  control.set({
    stepLog: [
      { step: 'context', at: at('08:30') },
      { step: 'draft', at: at('08:42') },
      { step: 'pick', at: at('09:05') },
      { step: 'park', at: at('09:31') },
      { step: 'brainstorm', at: at('09:38') },
      { step: 'draft', at: at('09:40') },
      { step: 'brainstorm', at: at('09:41') },
      { step: 'refine', at: at('09:45') },
    ],
  });
  return { board, control };
}

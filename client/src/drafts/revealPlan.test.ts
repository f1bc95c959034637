import { describe, expect, it } from 'vitest';
import { planReveal } from './revealPlan.ts';

const a = { id: 'a', text: 'Delight first-time buyers' };
const b = { id: 'b', text: 'Make checkout effortless' };

describe('planReveal: which drafts a device publishes for which reveal count', () => {
  it.each([
    // name, drafts, revealCount, privateWriting, publishedFor, published ids, remembered count
    ['private round, nothing revealed yet: keep', [a, b], 0, true, 0, [], 0],
    ['the facilitator reveals: publish all at once', [a, b], 1, false, 0, ['a', 'b'], 1],
    ['the same reveal seen again (re-render, reload): nothing twice', [], 1, false, 1, [], 1],
    ['a second private round after a reveal: keep', [a], 1, true, 1, [], 1],
    ['the second reveal publishes the second round', [a], 2, false, 1, ['a'], 2],
    ['offline through a reveal and a new private round: publish on return', [a, b], 1, true, 0, ['a', 'b'], 1],
    ['offline through two reveals: publish once, remember the latest', [a], 3, true, 1, ['a'], 3],
    ['a reveal with no drafts here: just remember it', [], 2, false, 1, [], 2],
    ['writing is open (cards typed before sync): publish', [a], 1, false, 1, ['a'], 1],
    ['facilitator turned private writing off without a reveal: publish', [a], 0, false, 0, ['a'], 0],
    ['first sight of a step in a private round: keep, remember the count', [a], 1, true, undefined, [], 1],
    ['first sight of a step with writing open: publish', [a], 1, false, undefined, ['a'], 1],
    ['first sight, nothing written: remember the count', [], 4, true, undefined, [], 4],
    ['the room was reset (count went down), private: keep, follow the count', [a], 0, true, 2, [], 0],
  ] as const)('%s', (_name, drafts, revealCount, privateWriting, publishedFor, published, remembered) => {
    const plan = planReveal({ drafts, revealCount, privateWriting, publishedFor });
    expect(plan.publish.map((d) => d.id)).toEqual(published);
    expect(plan.keep.length + plan.publish.length).toBe(drafts.length);
    expect(plan.publishedFor).toBe(remembered);
  });

  it('publishing the plan and feeding the result back publishes nothing more', () => {
    const first = planReveal({ drafts: [a, b], revealCount: 1, privateWriting: false, publishedFor: 0 });
    const second = planReveal({ drafts: first.keep, revealCount: 1, privateWriting: false, publishedFor: first.publishedFor });
    expect(second.publish).toEqual([]);
  });
});

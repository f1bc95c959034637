import { describe, expect, it } from 'vitest';
import { BoardDoc, ControlDoc } from '../doc/index.ts';
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { buildExport } from './fromBoard.ts';
import { exportToMarkdown } from './markdown.ts';

type Made = ReturnType<typeof sampleBoard>;

function objectiveOf(control: ControlDoc) {
  const objective = control.state().objective;
  if (!objective) throw new Error('the sample board has an objective');
  return objective;
}

function tallied(candidateId: string, votes: number) {
  const text = { 'cand-checkout': 'Checkout feels effortless for returning customers', 'cand-mobile': 'Mobile app reaches parity with web', 'cand-loyalty': 'Launch a loyalty programme' }[candidateId] ?? candidateId;
  return { candidateId, text, votes };
}

function sampleMarkdown(edit?: (made: Made) => void): string[] {
  const made = sampleBoard();
  edit?.(made);
  return exportToMarkdown(buildExport(made.board, made.control, FIXED_NOW)).split('\n');
}

describe('exportToMarkdown', () => {
  it.each([
    ['the title', '# Checkout team OKRs'],
    ['team and cycle', '**Team:** Checkout · **Cycle:** Q3 2026 (2026-07-01 to 2026-09-30) · **Exported:** 2026-07-03'],
    ['the objective and its commitment', '**Checkout feels effortless for returning customers** (committed)'],
    ['the description', 'Returning customers pay in seconds, on any device.'],
    ['the context it serves', '- Product strategy: Win repeat buyers in the EU'],
    ['the decision', 'Decision: chosen with 7 of 12 dots.'],
    ['its rationale', 'Rationale: Biggest lever on repeat revenue; mobile waits for the platform team.'],
    ['a key result with baseline → target by deadline, owner and confidence', '1. **Checkout conversion rate from 58% to 65% by 30 Sep** — 58% → 65% by 2026-09-30 · owner: Ana Lima (ana@example.com) · confidence 3 / 5'],
    ['a floor to hold', '2. **Avg. customer satisfaction score > 8** — 8.2 → 8 by 2026-09-30 · owner: Ben Okafor · confidence 4 / 5'],
    ['a key result still missing its fields', '4. **Build a tool to remind people of their shopping cart** — owner: none yet'],
    ['an initiative with the key results it serves', '- **Cart reminder emails** — owner: Dan Weiss (dan@example.com) · serves KR 3, KR 1'],
    ['an unlinked initiative', '- **Refresh the design system** — owner: none yet · serves no key result yet'],
    ['a parked item with its reason', "- **Mobile app reaches parity with web** — reason: Depends on the platform team's Q4 release · owner: Ben Okafor (ben@example.com) · revisit 2026-10-01"],
    ['a parked item without one', '- **Automate refunds** — no reason given'],
    ['a finding', '- **Warning** (kr-is-initiative): "Build a tool to remind people of their shopping cart" reads like a task ("build") — if it is work the team does, make it an initiative and link it to the key result it should move.'],
    ['tracking', 'Weekly check-ins, the first on 2026-07-08.'],
  ])('shows %s', (_what, line) => {
    expect(sampleMarkdown()).toContain(line);
  });

  it.each([
    [
      'a tie in the vote',
      ({ control }: Made) => control.setObjective({ ...objectiveOf(control), tally: [tallied('cand-checkout', 5), tallied('cand-mobile', 5), tallied('cand-loyalty', 2)] }),
      'Decision: chosen with 5 of 12 dots, tied with “Mobile app reaches parity with web” (5 dots).',
    ],
    ['the cadence as the board words it', ({ board }: Made) => board.updateWorkshop({ checkInCadence: 'biweekly' }), 'Check-ins every two weeks, the first on 2026-07-08.'],
    [
      'an owner typed as "name <email>" in the name box',
      ({ board }: Made) => board.update(board.initiatives, 'init-design', { ownerName: 'Ana Lima <ana@example.com>' }),
      '- **Refresh the design system** — owner: Ana Lima (ana@example.com) · serves no key result yet',
    ],
    ['an owner known by email alone', ({ board }: Made) => board.update(board.parked, 'parked-ops', { ownerEmail: 'ops@example.com' }), '- **Automate refunds** — no reason given · owner: ops@example.com'],
  ])('shows %s', (_what, edit, line) => {
    const lines = sampleMarkdown(edit);
    expect(lines).toContain(line);
  });

  it('shows the context kind once even when the card text starts with it', () => {
    const lines = sampleMarkdown(({ board, control }) => {
      const id = board.addContextItem({ kind: 'company-objective', text: 'Company objective: grow repeat purchases' });
      control.setObjective({ ...objectiveOf(control), contextIds: [id] });
    });
    expect(lines).toContain('- Company objective: grow repeat purchases');
    expect(lines.join('\n')).not.toContain('Company objective: Company objective');
  });

  it('orders the sections', () => {
    const headings = sampleMarkdown().filter((line) => line.startsWith('## '));
    expect(headings).toEqual(['## Objective', '## Key results', '## Initiatives', '## Parked', '## Review findings', '## Tracking', '## Agenda']);
  });

  it('tables planned against actual time per step', () => {
    const lines = sampleMarkdown();
    expect(lines.slice(lines.indexOf('## Agenda') + 2)).toEqual([
      '| Step | Planned | Actual |',
      '|---|---|---|',
      '| Context | 10 min | 12 min |',
      '| Draft objectives | 20 min | 24 min |',
      '| Pick THE objective | 10 min | 26 min |',
      '| Park | 10 min | 7 min |',
      '| Brainstorm key results | 25 min | 6 min |',
      '| SMART refine | 20 min | 15 min |',
      '',
    ]);
  });

  it('escapes card text so it cannot add markup or links', () => {
    const lines = sampleMarkdown(({ board }) => board.update(board.keyResults, 'kr-reminder', { title: '[click](http://evil.example) <img src=x> **bold** #1' }));
    expect(lines).toContain('4. **\\[click\\](http://evil.example) \\<img src=x> \\*\\*bold\\*\\* #1** — owner: none yet');
  });

  it('lists the notes of a cluster chosen as THE objective, and the cluster of a key result', () => {
    const lines = sampleMarkdown(({ board, control }) => {
      const objective = objectiveOf(control);
      control.setObjective({ ...objective, fromNotes: [{ id: 'cand-checkout', text: 'Fewer steps to pay' }, { id: 'cand-loyalty', text: 'Pay on the phone' }] });
      board.placeNote('keyResults', 'kr-conversion', { clusterId: board.addCluster('brainstorm', 'Speed', { x: 0, y: 0 }), pos: { x: 0, y: 0 } });
    });
    const at = lines.indexOf('Chosen as a cluster of notes:');
    expect(lines.slice(at, at + 3)).toEqual(['Chosen as a cluster of notes:', '- Fewer steps to pay', '- Pay on the phone']);
    expect(lines.find((line) => line.includes('Checkout conversion rate'))).toContain('cluster “Speed”');
  });

  it('says so when nothing is decided yet', () => {
    const markdown = exportToMarkdown(buildExport(new BoardDoc(), new ControlDoc(), FIXED_NOW));
    expect(markdown).toContain('# OKR workshop');
    expect(markdown).toContain('No objective confirmed yet.');
    expect(markdown).toContain('## Key results\n\nNone yet.');
    expect(markdown).not.toContain('## Parked');
  });
});

import { describe, expect, it } from 'vitest';
import { BoardDoc, ControlDoc } from '../doc/index.ts';
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { okrExportSchema } from './format.ts';
import { buildExport } from './fromBoard.ts';

describe('buildExport', () => {
  it('matches the golden export of the sample board', async () => {
    const { board, control } = sampleBoard();
    const exported = buildExport(board, control, FIXED_NOW);
    // Review the diff, then `npx vitest run shared/src/export -u` to accept an intended change.
    await expect(`${JSON.stringify(exported, null, 2)}\n`).toMatchFileSnapshot('./__fixtures__/sample.export.v3.json');
  });

  it('produces output the schema accepts unchanged', () => {
    const { board, control } = sampleBoard();
    const exported = buildExport(board, control, FIXED_NOW);
    expect(okrExportSchema.parse(JSON.parse(JSON.stringify(exported)))).toEqual(exported);
  });

  it.each([
    ['cand-checkout', 'chosen', 7],
    ['cand-mobile', 'parked', 4],
    ['cand-mobile-2', 'unsorted', 0],
    ['cand-brand', 'discarded', 0],
    ['cand-loyalty', 'unsorted', 1],
  ])('gives %s the status %s and %i votes from the decision record', (id, status, votes) => {
    const { board, control } = sampleBoard();
    const candidate = buildExport(board, control, FIXED_NOW).candidates.find((c) => c.id === id);
    expect(candidate).toMatchObject({ status, votes });
  });

  it('keeps authors out of the export of an anonymous board', () => {
    const { board, control } = sampleBoard();
    control.set({ anonymous: true });
    expect(buildExport(board, control, FIXED_NOW).candidates.map((c) => c.author)).toEqual([null, null, null, null, null]);
  });

  it('lists every author of a merged card, and none on an anonymous board', () => {
    const { board, control } = sampleBoard();
    const keep = board.addCandidate({ text: 'Checkout in one tap', authorId: 'ana', authorName: 'Ana Lima' });
    board.mergeCandidates(keep, board.addCandidate({ text: 'One-tap checkout', authorId: 'ben', authorName: 'Ben Okafor' }), 'One-tap checkout for returning buyers');
    const merged = () => buildExport(board, control, FIXED_NOW).candidates.find((c) => c.id === keep);
    expect(merged()).toMatchObject({ text: 'One-tap checkout for returning buyers', author: 'Ana Lima', authors: ['Ana Lima', 'Ben Okafor'] });
    control.set({ anonymous: true });
    expect(merged()).toMatchObject({ author: null, authors: [] });
  });

  it('leaves out findings dismissed on the board and lists the dismissals', () => {
    const { board, control } = sampleBoard();
    const before = buildExport(board, control, FIXED_NOW);
    expect(before.findings.map((f) => `${f.rule}:${f.target.id}`)).not.toContain('kr-has-number:kr-reminder');
    expect(before.findings.map((f) => `${f.rule}:${f.target.id}`)).toContain('kr-is-initiative:kr-reminder');
    expect(before.dismissedFindings).toEqual(['kr-has-number:kr-reminder']);

    board.restoreFinding('kr-has-number:kr-reminder');
    expect(buildExport(board, control, FIXED_NOW).findings.map((f) => `${f.rule}:${f.target.id}`)).toContain('kr-has-number:kr-reminder');
  });

  it('reads the numbers of a key result written only as a sentence', () => {
    const { board, control } = sampleBoard();
    const rules = buildExport(board, control, FIXED_NOW)
      .findings.filter((f) => f.target.id === 'kr-abandon')
      .map((f) => f.rule);
    // Baseline, target and deadline come from "from 70% to 60% by 15 Sep"; nothing to say about them.
    expect(rules).toEqual([]);
  });

  it('drops links to cards deleted since', () => {
    const { board, control } = sampleBoard();
    board.remove(board.contextItems, 'ctx-strategy');
    board.remove(board.keyResults, 'kr-conversion');
    const exported = buildExport(board, control, FIXED_NOW);
    expect(exported.objective?.contextIds).toEqual(['ctx-mission']);
    expect(exported.initiatives.find((i) => i.id === 'init-reminder')?.keyResultIds).toEqual(['kr-abandon']);
  });

  it.each([
    ['a name with an address in it', { ownerName: 'Dan Weiss <dan@example.com>' }, { name: 'Dan Weiss', email: 'dan@example.com' }],
    ['an address alone in the name box', { ownerName: 'dan@example.com' }, { name: '', email: 'dan@example.com' }],
    ['a name and its own email field', { ownerName: 'Dan Weiss', ownerEmail: 'dan@example.com' }, { name: 'Dan Weiss', email: 'dan@example.com' }],
  ])('exports %s as a name and an email', (_what, owner, exported) => {
    const { board, control } = sampleBoard();
    board.update(board.initiatives, 'init-design', owner);
    expect(buildExport(board, control, FIXED_NOW).initiatives.find((i) => i.id === 'init-design')?.owner).toEqual(exported);
  });

  it('exports an empty board with a null objective and a warning to pick one', () => {
    const exported = buildExport(new BoardDoc(), new ControlDoc(), FIXED_NOW);
    expect(exported).toMatchObject({
      exportedAt: '2026-07-03T10:00:00.000Z',
      workshop: { title: '', team: null, cycle: { label: null, start: null, end: null } },
      objective: null,
      keyResults: [],
      tracking: { checkInCadence: null, firstCheckIn: null },
    });
    expect(exported.findings.map((f) => f.rule)).toEqual(['single-objective']);
  });
});

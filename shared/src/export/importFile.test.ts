import { describe, expect, it } from 'vitest';
import { BoardDoc, ControlDoc, ORIGIN } from '../doc/index.ts';
import samplePrework from './__fixtures__/sample.prework.v1.json' with { type: 'json' };
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { ExportFormatError } from './errors.ts';
import { buildExport } from './fromBoard.ts';
import { applyImport, BoardNotEmptyError, parseImportFile } from './importFile.ts';

function fresh(): { board: BoardDoc; control: ControlDoc } {
  return { board: new BoardDoc(), control: new ControlDoc() };
}

describe('pre-work import', () => {
  it('starts a board with the workshop, its context and first candidates', () => {
    const { board, control } = fresh();
    applyImport(parseImportFile(JSON.stringify(samplePrework)), board, control);
    expect(board.workshop()).toEqual({
      title: 'Checkout team OKRs',
      team: 'Checkout',
      cycleLabel: 'Q3 2026',
      cycleStart: '2026-07-01',
      cycleEnd: '2026-09-30',
      checkInCadence: 'weekly',
      firstCheckIn: '2026-07-08',
    });
    expect(board.contextItems.list().map(({ kind, text, link }) => ({ kind, text, link }))).toEqual([
      { kind: 'mission', text: 'Make buying online feel effortless', link: undefined },
      { kind: 'product-strategy', text: 'Win repeat buyers in the EU', link: 'https://wiki.example.com/strategy' },
      { kind: 'metric', text: 'Checkout conversion is 58%', link: undefined },
    ]);
    expect(board.candidates.list().map((candidate) => candidate.text)).toEqual(['Checkout feels effortless for returning customers', 'Mobile app reaches parity with web']);
    expect(control.state().objective).toBeNull();
  });

  it('needs no more than a context list', () => {
    const { board, control } = fresh();
    applyImport(parseImportFile({ format: 'okr-workshop-board/prework', version: 1, context: [{ kind: 'constraint', text: 'No new vendors this quarter' }] }), board, control);
    expect(board.contextItems.list()).toHaveLength(1);
    expect(board.candidates.list()).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['an unknown context kind', { format: 'okr-workshop-board/prework', version: 1, context: [{ kind: 'vision', text: 'x' }] }, 'context[0].kind: expected "mission" or'],
    ['no context list', { format: 'okr-workshop-board/prework', version: 1 }, 'context: is missing (expected a list)'],
    ['a cycle date in another format', { format: 'okr-workshop-board/prework', version: 1, workshop: { cycle: { start: '1 July' } }, context: [] }, 'workshop.cycle.start: dates are written YYYY-MM-DD, got "1 July"'],
    ['a newer version', { format: 'okr-workshop-board/prework', version: 3, context: [] }, 'version: 3 is newer than this app reads (up to 1)'],
    ['text that is not JSON', '{"format": ', '(file): is not valid JSON'],
    ['another kind of file', { format: 'miro-board' }, 'format: expected "okr-workshop-board/export" or "okr-workshop-board/prework", got "miro-board"'],
  ])('rejects %s, naming the field', (_name, input, line) => {
    expect(() => parseImportFile(input)).toThrow(ExportFormatError);
    expect(() => parseImportFile(input)).toThrow(line);
  });
});

/** The sample board with notes placed, a named cluster on Draft and on Brainstorm, and the Draft cluster chosen as THE objective. */
function clusterChosen(): { board: BoardDoc; control: ControlDoc } {
  const made = sampleBoard();
  const [first, second] = made.board.candidates.list();
  const cluster = made.board.addCluster('draft', 'Effortless checkout', { x: 40, y: 60 });
  made.board.placeNote('candidates', first!.id, { clusterId: cluster, pos: { x: 12, y: 40 } });
  made.board.placeNote('candidates', second!.id, { clusterId: cluster, pos: { x: 12, y: 200 } });
  const krCluster = made.board.addCluster('brainstorm', 'Speed', { x: 500, y: 0 });
  made.board.placeNote('keyResults', made.board.keyResults.list()[0]!.id, { clusterId: krCluster, pos: { x: 8, y: 30 } });
  made.board.placeNote('contextItems', made.board.contextItems.list()[0]!.id, { pos: { x: -120, y: 300 } });
  const objective = made.control.state().objective!;
  made.control.setObjective({ ...objective, candidateId: cluster, title: 'Effortless checkout', fromNotes: [first!, second!].map(({ id, text }) => ({ id, text })) });
  return made;
}

describe('export import', () => {
  /** Export, write to JSON text, read back into a fresh board, export again. */
  function roundTrip(made: { board: BoardDoc; control: ControlDoc }) {
    const first = buildExport(made.board, made.control, FIXED_NOW);
    const target = fresh();
    applyImport(parseImportFile(JSON.stringify(first)), target.board, target.control);
    return { first, second: buildExport(target.board, target.control, FIXED_NOW), target };
  }

  it.each<[string, () => { board: BoardDoc; control: ControlDoc }]>([
    ['the sample board', sampleBoard],
    [
      'an anonymous board',
      () => {
        const made = sampleBoard();
        made.control.set({ anonymous: true });
        return made;
      },
    ],
    [
      'a board still choosing its objective',
      () => {
        const made = sampleBoard();
        made.control.setObjective(null);
        return made;
      },
    ],
    [
      'a board with a merged card',
      () => {
        const made = sampleBoard();
        const keep = made.board.addCandidate({ text: 'Checkout in one tap', authorId: 'ana', authorName: 'Ana Lima' });
        made.board.mergeCandidates(keep, made.board.addCandidate({ text: 'One-tap checkout', authorId: 'ben', authorName: 'Ben Okafor' }));
        return made;
      },
    ],
    [
      'a board with discussion notes',
      () => {
        const made = sampleBoard();
        made.control.setNotes('draft', 'Two themes.\nOpen: who owns loyalty?');
        return made;
      },
    ],
    ['a board whose objective is a cluster, its notes placed on the canvases', clusterChosen],
    ['an empty board', fresh],
  ])('gives back the same OKR content: %s', (_name, make) => {
    const { first, second } = roundTrip(make());
    expect(second).toEqual(first);
  });

  it('keeps ids, so links between cards survive', () => {
    const { target } = roundTrip(sampleBoard());
    expect(target.board.initiatives.get('init-reminder')?.keyResultIds).toEqual(['kr-abandon', 'kr-conversion']);
    expect(target.control.state().objective?.contextIds).toEqual(['ctx-mission', 'ctx-strategy']);
    expect(target.board.dismissedFindings()).toEqual(new Set(['kr-has-number:kr-reminder']));
  });

  it('keeps note places, clusters and the notes of a chosen cluster', () => {
    const { first, target } = roundTrip(clusterChosen());
    expect(first.clusters.map((c) => [c.step, c.name, c.noteIds.length])).toEqual([
      ['draft', 'Effortless checkout', 2],
      ['brainstorm', 'Speed', 1],
    ]);
    expect(first.objective?.decision.fromNotes.map((note) => note.text)).toEqual(first.candidates.slice(0, 2).map((c) => c.text));
    expect(first.context[0]?.place).toEqual({ x: -120, y: 300 });
    const draftCluster = target.board.clusters.list().find((c) => c.step === 'draft');
    expect(target.board.candidates.list().filter((c) => c.clusterId === draftCluster?.id).map((c) => c.pos)).toEqual([{ x: 12, y: 40 }, { x: 12, y: 200 }]);
    expect(target.control.state().objective?.fromNotes).toHaveLength(2);
  });

  it('writes every card with the import origin, which undo never tracks', () => {
    const { board, control } = fresh();
    const origins: unknown[] = [];
    board.ydoc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    const made = sampleBoard();
    applyImport(buildExport(made.board, made.control, FIXED_NOW), board, control);
    expect(origins.length).toBeGreaterThan(1);
    expect(new Set(origins)).toEqual(new Set([ORIGIN.import]));
  });

  it('refuses a board that already has cards', () => {
    const { board, control } = fresh();
    board.addContextItem({ kind: 'mission', text: 'Already here' });
    expect(() => applyImport(parseImportFile(samplePrework), board, control)).toThrow(BoardNotEmptyError);
  });
});

import { describe, expect, it } from 'vitest';
import { createUndoManager } from './undo.ts';
import { peers, syncAll } from './peers.testkit.ts';
import { BoardDoc } from './boardDoc.ts';

describe('canvas writes', () => {
  it('two people dropping the same note at once end in one place on every screen', () => {
    const [ana, ben] = peers(2, (b) => b.addCandidate({ id: 'n', text: 'Fast checkout' }), [1, 2]);
    const k = ana!.addCluster('draft', 'Speed', { x: 1000, y: 0 });
    syncAll([ana!, ben!]);
    ana!.placeNote('candidates', 'n', { pos: { x: 10, y: 20 } });
    ben!.placeNote('candidates', 'n', { clusterId: k, pos: { x: 30, y: 60 } });
    syncAll([ana!, ben!]);
    expect(ana!.candidates.get('n')).toEqual(ben!.candidates.get('n'));
    const { pos, clusterId } = ana!.candidates.get('n')!;
    // One of the two drops, whole: never Ana's x with Ben's cluster.
    expect([JSON.stringify({ pos: { x: 10, y: 20 } }), JSON.stringify({ pos: { x: 30, y: 60 }, clusterId: k })]).toContain(JSON.stringify({ pos, ...(clusterId ? { clusterId } : {}) }));
  });

  it('moving a cluster while someone moves a note inside it keeps both', () => {
    const [ana, ben] = peers(2, (b) => {
      b.addContextItem({ id: 'n', kind: 'metric', text: 'Conversion 58%', clusterId: 'k0' });
      b.clusters.insert({ id: 'k0', step: 'context', name: 'Numbers', pos: { x: 0, y: 0 }, order: 1 });
    });
    ana!.moveCluster('k0', { x: 500, y: 500 });
    ben!.placeNote('contextItems', 'n', { clusterId: 'k0', pos: { x: 240, y: 48 } });
    syncAll([ana!, ben!]);
    for (const b of [ana!, ben!]) {
      expect(b.clusters.get('k0')!.pos).toEqual({ x: 500, y: 500 });
      expect(b.contextItems.get('n')).toMatchObject({ clusterId: 'k0', pos: { x: 240, y: 48 } });
    }
  });

  it('removing a cluster leaves its notes where they are drawn', () => {
    const board = new BoardDoc();
    const k = board.addCluster('brainstorm', 'Retention', { x: 100, y: 200 });
    board.addKeyResult({ id: 'kr', title: 'Churn below 2%', clusterId: k, pos: { x: 16, y: 48 } });
    board.addInitiative({ id: 'in', title: 'Exit survey', keyResultIds: [], clusterId: k });
    board.removeCluster(k);
    expect(board.clusters.list()).toEqual([]);
    expect(board.keyResults.get('kr')).toMatchObject({ pos: { x: 116, y: 248 } });
    expect(board.keyResults.get('kr')!.clusterId).toBeUndefined();
    expect(board.initiatives.get('in')!.clusterId).toBeUndefined();
  });

  it('naming an old group makes a cluster its cards join', () => {
    const board = new BoardDoc();
    board.addCandidate({ id: 'a', text: 'A', clusterId: 'a' });
    board.addCandidate({ id: 'b', text: 'B', clusterId: 'a', pos: { x: 5, y: 5 } });
    board.addCandidate({ id: 'c', text: 'C' });
    const k = board.nameGroup('a', ' Mobile ', { x: 40, y: 40 });
    expect(board.clusters.get(k)).toMatchObject({ name: 'Mobile', step: 'draft', pos: { x: 40, y: 40 } });
    expect(board.candidates.list().map((c) => [c.id, c.clusterId, c.pos])).toEqual([
      ['a', k, undefined],
      ['b', k, undefined],
      ['c', undefined, undefined],
    ]);
  });

  it('"Group with…" clears a place that meant something elsewhere', () => {
    const board = new BoardDoc();
    board.addCandidate({ id: 'a', text: 'A', pos: { x: 900, y: 900 } });
    board.addCandidate({ id: 'b', text: 'B', pos: { x: 0, y: 0 } });
    board.groupCandidate('a', 'b');
    expect(board.candidates.list().map((c) => [c.clusterId, c.pos])).toEqual([
      ['b', undefined],
      ['b', undefined],
    ]);
  });

  it('undo takes back a drop, a rename and a cluster move', () => {
    const board = new BoardDoc();
    board.addCandidate({ id: 'n', text: 'N', pos: { x: 0, y: 0 } });
    const k = board.addCluster('draft', 'One', { x: 0, y: 400 });
    const undo = createUndoManager(board);
    board.placeNote('candidates', 'n', { pos: { x: 300, y: 0 } });
    undo.stopCapturing();
    board.renameCluster(k, 'Two');
    undo.stopCapturing();
    board.moveCluster(k, { x: 50, y: 50 });
    undo.undo();
    expect(board.clusters.get(k)!.pos).toEqual({ x: 0, y: 400 });
    undo.undo();
    expect(board.clusters.get(k)!.name).toBe('One');
    undo.undo();
    expect(board.candidates.get('n')!.pos).toEqual({ x: 0, y: 0 });
  });

  it('refuses a place off the canvas and a cluster on a step without one', () => {
    const board = new BoardDoc();
    board.addCandidate({ id: 'n', text: 'N' });
    expect(() => board.placeNote('candidates', 'n', { pos: { x: Infinity, y: 0 } })).toThrow();
    expect(() => board.addCluster('refine' as never, 'x', { x: 0, y: 0 })).toThrow();
    expect(() => board.removeCluster('nope')).toThrow(/No card with id "nope"/);
  });
});

import { describe, expect, it } from 'vitest';
import type { BoardDoc } from './boardDoc.ts';
import { onOverwritten, restoreMine, type Overwrite } from './overwrites.ts';
import { deliver, peers, syncAll } from './peers.testkit.ts';
import { createUndoManager } from './undo.ts';

/** Yjs client ids: of two concurrent writes to one key, the higher id's wins. */
const LOW = 101;
const HIGH = 202;

/** Ana and Ben share one key result (target 60); each board's lost conflicts are collected. */
function setup(clientIds: readonly [ana: number, ben: number] = [LOW, HIGH]) {
  const [ana, ben] = peers(2, (b) => b.addKeyResult({ id: 'kr-1', title: 'Reach 60% conversion', target: 60, ownerName: 'Carl' }), clientIds) as [BoardDoc, BoardDoc];
  const seen = { ana: [] as Overwrite[], ben: [] as Overwrite[] };
  onOverwritten(ana, (o) => seen.ana.push(o));
  onOverwritten(ben, (o) => seen.ben.push(o));
  return { ana, ben, seen };
}

describe('a last-writer-wins field overwritten by someone who had not seen my value', () => {
  it('tells the loser (Ana, the lower client id) with both values, and tells the winner nothing', () => {
    const { ana, ben, seen } = setup();
    ana.update(ana.keyResults, 'kr-1', { target: 65 });
    ben.update(ben.keyResults, 'kr-1', { target: 70 });
    syncAll([ana, ben]);
    expect(ana.keyResults.get('kr-1')?.target).toBe(70);
    expect(seen.ana).toEqual([{ collection: 'keyResults', recordId: 'kr-1', field: 'target', mine: 65, theirs: 70, byClientId: HIGH }]);
    expect(seen.ben).toEqual([]);
  });

  it('tells Ben instead when his client id is the lower one', () => {
    const { ana, ben, seen } = setup([HIGH, LOW]);
    ben.update(ben.keyResults, 'kr-1', { ownerName: 'Ben' });
    ana.update(ana.keyResults, 'kr-1', { ownerName: 'Ana' });
    syncAll([ana, ben]);
    expect(ben.keyResults.get('kr-1')?.ownerName).toBe('Ana');
    expect(seen.ben).toEqual([{ collection: 'keyResults', recordId: 'kr-1', field: 'ownerName', mine: 'Ben', theirs: 'Ana', byClientId: HIGH }]);
    expect(seen.ana).toEqual([]);
  });

  it('counts several offline edits of the winner as one unseen overwrite', () => {
    const { ana, ben, seen } = setup();
    ana.update(ana.keyResults, 'kr-1', { target: 65 });
    ben.update(ben.keyResults, 'kr-1', { target: 68 });
    ben.update(ben.keyResults, 'kr-1', { target: 70 });
    deliver(ben, ana);
    expect(seen.ana).toEqual([{ collection: 'keyResults', recordId: 'kr-1', field: 'target', mine: 65, theirs: 70, byClientId: HIGH }]);
  });
});

describe('changes that are no conflict report nothing', () => {
  it.each([
    ['Ben changes my value after seeing it', (ana: BoardDoc, ben: BoardDoc) => {
      ana.update(ana.keyResults, 'kr-1', { target: 65 });
      deliver(ana, ben);
      ben.update(ben.keyResults, 'kr-1', { target: 70 });
    }],
    ['Ben changes it twice after seeing mine, and both arrive at once', (ana: BoardDoc, ben: BoardDoc) => {
      ana.update(ana.keyResults, 'kr-1', { target: 65 });
      deliver(ana, ben);
      ben.update(ben.keyResults, 'kr-1', { target: 68 });
      ben.update(ben.keyResults, 'kr-1', { target: 70 });
    }],
    ['Ben clears my value after seeing it', (ana: BoardDoc, ben: BoardDoc) => {
      ana.update(ana.keyResults, 'kr-1', { target: 65 });
      deliver(ana, ben);
      ben.update(ben.keyResults, 'kr-1', { target: undefined });
    }],
    ['Ben replaces a value I never wrote', (_ana: BoardDoc, ben: BoardDoc) => {
      ben.update(ben.keyResults, 'kr-1', { target: 70 });
    }],
    ['we both edit the title (text merges)', (ana: BoardDoc, ben: BoardDoc) => {
      ana.update(ana.keyResults, 'kr-1', { title: 'Reach 65% conversion' });
      ben.update(ben.keyResults, 'kr-1', { title: 'Reach 60% checkout conversion' });
    }],
    ['we edit different fields of one card', (ana: BoardDoc, ben: BoardDoc) => {
      ana.update(ana.keyResults, 'kr-1', { target: 65 });
      ben.update(ben.keyResults, 'kr-1', { baseline: 58 });
    }],
  ])('%s', (_name, act) => {
    const { ana, ben, seen } = setup();
    act(ana, ben);
    syncAll([ana, ben]);
    expect(seen).toEqual({ ana: [], ben: [] });
  });
});

describe('restoreMine', () => {
  it('writes my value back for everyone, as my own undoable edit, and Ben is not told he lost', () => {
    const { ana, ben, seen } = setup();
    ana.update(ana.keyResults, 'kr-1', { target: 65 });
    ben.update(ben.keyResults, 'kr-1', { target: 70 });
    syncAll([ana, ben]);
    const undo = createUndoManager(ana);
    restoreMine(ana, seen.ana[0]!);
    syncAll([ana, ben]);
    expect(ben.keyResults.get('kr-1')?.target).toBe(65);
    expect(seen.ben).toEqual([]);
    undo.undo();
    expect(ana.keyResults.get('kr-1')?.target).toBe(70);
  });

  it('throws an actionable error when the card was deleted meanwhile', () => {
    const { ana, ben, seen } = setup();
    ana.update(ana.keyResults, 'kr-1', { target: 65 });
    ben.update(ben.keyResults, 'kr-1', { target: 70 });
    syncAll([ana, ben]);
    ben.remove(ben.keyResults, 'kr-1');
    syncAll([ana, ben]);
    expect(() => restoreMine(ana, seen.ana[0]!)).toThrow(/deleted by someone else/);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, ControlDoc } from '@okr/shared/doc';
import { RoomStore } from '../store/roomStore.ts';
import type { VersionStore } from '../store/versionStore.ts';
import { RoomHistory, type VersionKeeper } from './roomHistory.ts';
import { DELETION_VERSION_GAP_MS, PERIODIC_VERSION_MS } from './versionTriggers.ts';

/*
 * Shared mode: two instances hold one room, each sees the triggers its own people's updates
 * cross, and they keep versions in one place that answers later (PostgreSQL; here the SQLite
 * VersionStore behind promises). A trigger both see gives one version, not one per instance.
 */

const ROOM = 'room-across-instances';
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** The VersionStore as a keeper that answers later, as PgVersions does. */
function later(versions: VersionStore): VersionKeeper {
  return {
    newestAt: async (roomId) => versions.newestAt(roomId),
    keep: async (roomId, version, wanted) => versions.keep(roomId, version, wanted),
  };
}

type Instance = { board: BoardDoc; control: ControlDoc; history: RoomHistory };

/** Two instances' copies of one room, a participant on each; every edit reaches the other copy as a remote update. */
function twoInstances() {
  vi.useFakeTimers({ toFake: ['Date'] });
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-history-shared-')));
  cleanups.push(() => {
    store.close();
    vi.useRealTimers();
  });
  const keeper = later(store.versions);
  const control = new ControlDoc();
  const instance = (): Instance => {
    const board = new BoardDoc();
    return { board, control, history: new RoomHistory(ROOM, keeper, { board: () => board.ydoc, controlState: () => control.state(), writeBoardAsServer: (fn) => fn(board) }) };
  };
  const instances = [instance(), instance()] as const;
  /** A participant on `on` edits: that instance sees the trigger, the other applies the committed update. */
  const edit = (on: 0 | 1, change: (board: BoardDoc) => void) => {
    const participant = new BoardDoc();
    Y.applyUpdate(participant.ydoc, Y.encodeStateAsUpdate(instances[on].board.ydoc));
    const before = Y.encodeStateVector(participant.ydoc);
    change(participant);
    const update = Y.encodeStateAsUpdate(participant.ydoc, before);
    instances[on].history.beforeBoardUpdate(Y.decodeUpdate(update));
    for (const each of instances) Y.applyUpdate(each.board.ydoc, update);
    instances[1 - on]!.history.boardChanged();
  };
  const reasons = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    return store.versions.list(ROOM).map((v) => v.reason);
  };
  return { instances, edit, reasons };
}

const addCards = (count: number) => (board: BoardDoc) => {
  for (let i = 0; i < count; i++) board.addCandidate({ text: `Card ${i}` });
};
const wipe = (board: BoardDoc) => board.transact(() => board.candidates.list().forEach((card) => board.candidates.remove(card.id)));

describe('Room history across instances', () => {
  it('a board busy on both instances gets one periodic version every few minutes, not one per instance', async () => {
    const { edit, reasons } = twoInstances();
    edit(0, addCards(1));
    edit(1, addCards(1));
    vi.advanceTimersByTime(PERIODIC_VERSION_MS);
    edit(0, addCards(1));
    await reasons();
    edit(1, addCards(1));
    expect(await reasons()).toEqual(['periodic']);
    vi.advanceTimersByTime(PERIODIC_VERSION_MS);
    edit(1, addCards(1));
    await reasons();
    edit(0, addCards(1));
    expect(await reasons()).toEqual(['periodic', 'periodic']);
  });

  it('big deletions on both instances within the gap keep one version, the next after the gap another', async () => {
    const { edit, reasons } = twoInstances();
    edit(0, addCards(8));
    edit(0, wipe);
    await reasons();
    edit(1, addCards(8));
    edit(1, wipe);
    expect(await reasons()).toEqual(['deletion']);
    vi.advanceTimersByTime(DELETION_VERSION_GAP_MS);
    edit(0, addCards(8));
    edit(1, wipe);
    expect(await reasons()).toEqual(['deletion', 'deletion']);
  });

  it('a step change keeps the board when it changed only on the other instance since the last version', async () => {
    const { instances, edit, reasons } = twoInstances();
    const [one] = instances;
    edit(1, addCards(2));
    const step = (to: 'draft' | 'pick') => {
      const before = one.control.state();
      one.control.setStep(to);
      one.history.afterControlUpdate(before);
    };
    step('draft');
    expect(await reasons()).toEqual(['step']);
    step('pick');
    expect(await reasons()).toEqual(['step']);
    edit(1, addCards(1));
    step('draft');
    expect(await reasons()).toEqual(['step', 'step']);
  });
});

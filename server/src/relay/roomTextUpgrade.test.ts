import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, docFromUpdates } from '@okr/shared/doc';
import { RoomStore } from '../store/roomStore.ts';
import { RelayMetrics } from './metrics.ts';
import { Room } from './room.ts';
import { testLimits } from './room.testkit.ts';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** A board as saved before card text was Y.Text: the candidate's text is a plain string. */
function legacyBoard(): Uint8Array {
  const doc = new Y.Doc();
  const card = new Y.Map<unknown>();
  doc.getMap('candidates').set('c1', card);
  card.set('text', 'Make checkout effortless');
  card.set('order', 1);
  return Y.encodeStateAsUpdate(doc);
}

it('a room saved with plain-string card text is upgraded to Y.Text once, at load, and the upgrade is stored', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-upgrade-'));
  const store = RoomStore.open(dataDir);
  cleanups.push(() => store.close());
  const { id } = store.createRoom('Legacy', { board: legacyBoard() });

  const room = new Room(id, store, testLimits(), new RelayMetrics());
  const field = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('candidates').get('c1')?.get('text');
  expect(field(room.board.ydoc)).toBeInstanceOf(Y.Text);
  expect(new BoardDoc(room.board.ydoc).candidates.get('c1')?.text).toBe('Make checkout effortless');
  room.board.flush();
  room.unload();

  const stored = docFromUpdates(store.loadDoc(id, 'board').updates);
  expect(field(stored)).toBeInstanceOf(Y.Text);
  expect(String(field(stored))).toBe('Make checkout effortless');
});

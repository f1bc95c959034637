import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, cardIds, ControlDoc } from '@okr/shared/doc';
import { RoomStore } from '../store/roomStore.ts';
import { restoreInStore } from '../store/restoreInStore.ts';
import { readRoomDocs } from '../store/readRoom.ts';
import { RelayMetrics } from './metrics.ts';
import { DocTooLargeError, Room } from './room.ts';
import { FakePeer, testLimits } from './room.testkit.ts';
import { SERVER_CLIENT_ID } from './serverClientId.ts';
import { DELETION_VERSION_GAP_MS, PERIODIC_VERSION_MS } from './versionTriggers.ts';

/*
 * The room takes versions of its board at the moments versionTriggers.ts names, through the same
 * path real updates take (Room.receive), and a restore on the server is one forward change.
 */

const cleanups: (() => void)[] = [];
/** Rooms a test unloaded itself. */
const unloaded = new Set<Room>();
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

function openRoom(maxDocBytes = 1_000_000): { room: Room; store: RoomStore } {
  const store = RoomStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'okr-history-')));
  const room = new Room(store.createRoom('History test').id, store, testLimits({ maxDocBytes }), new RelayMetrics());
  cleanups.push(() => {
    if (!unloaded.has(room)) room.unload();
    store.close();
  });
  return { room, store };
}

/** A participant's and the facilitator's copies, sending every change through the room. */
function clients(room: Room) {
  const participant = new BoardDoc();
  const facilitator = new ControlDoc();
  const boardPeer = new FakePeer('participant', 'board');
  const controlPeer = new FakePeer('facilitator', 'control');
  room.join(boardPeer);
  room.join(controlPeer);
  participant.ydoc.on('update', (update: Uint8Array, origin: unknown) => origin !== room && room.receive(boardPeer, { kind: 'update', update }));
  facilitator.ydoc.on('update', (update: Uint8Array) => room.receive(controlPeer, { kind: 'update', update }));
  return { participant, facilitator };
}

function addCards(board: BoardDoc, count: number): void {
  for (let i = 0; i < count; i++) board.addCandidate({ text: `Card ${i + 1}` });
}

function wipe(board: BoardDoc): void {
  board.transact(() => board.candidates.list().forEach((card) => board.candidates.remove(card.id)));
}

/** The Yjs client ids an update writes structs under. */
function writersOf(updates: Uint8Array[]): number[] {
  return [...new Set(updates.flatMap((update) => Y.decodeUpdate(update).structs.map((struct) => struct.id.client)))];
}

describe('Room history', () => {
  it('takes a version at a step change, at a reveal and before a big deletion, each of the board as it was', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    cleanups.push(() => vi.useRealTimers());
    const { room, store } = openRoom();
    const { participant, facilitator } = clients(room);
    addCards(participant, 2);
    facilitator.setStep('draft');
    addCards(participant, 1);
    facilitator.reveal('draft');
    addCards(participant, 8);
    vi.advanceTimersByTime(DELETION_VERSION_GAP_MS);
    wipe(participant);

    const versions = store.versions.list(room.id);
    expect(versions.map((v) => [v.reason, v.step, v.cardIds.length])).toEqual([
      ['deletion', 'draft', 11],
      ['reveal', 'draft', 3],
      ['step', 'context', 2],
    ]);
    expect(cardIds(new BoardDoc(room.board.ydoc))).toEqual([]);
  });

  it('takes a version every few minutes while the board keeps changing, and none while it is quiet', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    cleanups.push(() => vi.useRealTimers());
    const { room, store } = openRoom();
    const { participant } = clients(room);
    addCards(participant, 1);
    vi.advanceTimersByTime(PERIODIC_VERSION_MS - 1_000);
    addCards(participant, 1);
    expect(store.versions.list(room.id)).toEqual([]);
    vi.advanceTimersByTime(1_000);
    addCards(participant, 1);
    vi.advanceTimersByTime(PERIODIC_VERSION_MS);
    addCards(participant, 1);
    expect(store.versions.list(room.id).map((v) => [v.reason, v.cardIds.length])).toEqual([
      ['periodic', 3],
      ['periodic', 2],
    ]);
  });

  it('takes no version for a small deletion, nor a second copy of an unchanged board', () => {
    const { room, store } = openRoom();
    const { participant, facilitator } = clients(room);
    addCards(participant, 5);
    participant.remove(participant.candidates, participant.candidates.list()[0]!.id);
    facilitator.setStep('draft');
    facilitator.setStep('pick');
    expect(store.versions.list(room.id).map((v) => v.reason)).toEqual(['step']);
  });

  it('restores a version as one forward change by the server that reaches the room\'s clients, keeping the wiped board as a version too', () => {
    const { room, store } = openRoom();
    const { participant, facilitator } = clients(room);
    addCards(participant, 11);
    facilitator.setStep('draft');
    const [before] = store.versions.list(room.id);
    wipe(participant);
    const sent: Uint8Array[] = [];
    room.board.ydoc.on('update', (update: Uint8Array) => sent.push(update));

    room.history.restore(store.versions.snapshot(room.id, before!.id)!);

    expect(cardIds(new BoardDoc(room.board.ydoc))).toEqual(before!.cardIds);
    for (const update of sent) Y.applyUpdate(participant.ydoc, update, room);
    expect(cardIds(participant)).toEqual(before!.cardIds);
    expect(store.versions.list(room.id)[0]).toMatchObject({ reason: 'restore', cardIds: [] });
    // Under the server's id, which no participant may use: their edits after it are theirs.
    expect(writersOf(sent)).toEqual([SERVER_CLIENT_ID]);
    participant.setNoteText('candidates', before!.cardIds[0]!, 'Reworded after the restore');
    expect(new BoardDoc(room.board.ydoc).candidates.get(before!.cardIds[0]!)?.text).toBe('Reworded after the restore');
  });

  it('restores on a board at its size limit (the restore does not pass the size check)', () => {
    const { room, store } = openRoom(4 * 1024);
    const { participant, facilitator } = clients(room);
    addCards(participant, 11);
    facilitator.setStep('draft');
    const [before] = store.versions.list(room.id);
    wipe(participant);
    expect(() => room.receive(new FakePeer('participant', 'board'), { kind: 'update', update: Y.encodeStateAsUpdate(bigCardBoard()) })).toThrow(DocTooLargeError);
    room.history.restore(store.versions.snapshot(room.id, before!.id)!);
    expect(cardIds(new BoardDoc(room.board.ydoc))).toEqual(before!.cardIds);
  });

  it('restores a room nobody has loaded in the store, so it loads with the version', () => {
    const { room, store } = openRoom();
    const { participant, facilitator } = clients(room);
    addCards(participant, 6);
    facilitator.setStep('draft');
    const [before] = store.versions.list(room.id);
    wipe(participant);
    room.unload();
    unloaded.add(room);
    restoreInStore(store, room.id, before!.id);
    expect(cardIds(readRoomDocs(store, room.id).board)).toEqual(before!.cardIds);
    // Written as the server would: the log's last row is the restore, every struct under the server's id.
    expect(writersOf([store.loadDoc(room.id, 'board').updates.at(-1)!])).toEqual([SERVER_CLIENT_ID]);
  });
});

/** A board too big for the 4 KB limit. */
function bigCardBoard(): Y.Doc {
  const board = new BoardDoc();
  for (let i = 0; i < 12; i++) board.addCandidate({ text: `${i % 10}`.repeat(400) });
  return board.ydoc;
}

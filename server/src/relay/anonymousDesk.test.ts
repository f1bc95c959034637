import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc, ControlDoc } from '@okr/shared/doc';
import { AnonymousDesk } from './anonymousDesk.ts';
import { SERVER_CLIENT_ID } from './serverClientId.ts';

afterEach(() => vi.useRealTimers());

function deskRoom() {
  const board = new BoardDoc();
  const control = new ControlDoc();
  const privateDoc = new Y.Doc();
  const desk = new AnonymousDesk(
    {
      boardView: () => board,
      privateDoc: () => privateDoc,
      writeBoardAsServer: (fn) => {
        board.ydoc.clientID = SERVER_CLIENT_ID;
        board.ydoc.transact(fn);
      },
      controlState: () => control.state(),
    },
    { batchDelayMs: { min: 1000, max: 5000 } },
  );
  // People hand cards to the desk on an anonymous board.
  control.set({ anonymous: true });
  return { board, control, privateDoc, desk };
}

const texts = (board: BoardDoc) => board.candidates.list().map((c) => c.text).sort();

describe('AnonymousDesk', () => {
  it('holds drafts while writing is private and publishes all of them at the reveal, under the server’s id', () => {
    const { board, control, desk } = deskRoom();
    control.set({ anonymous: true });
    expect(desk.offer('ana', 'draft', [{ id: 'a1', text: 'Ana’s' }])).toEqual({ held: true });
    desk.offer('bo', 'draft', [{ id: 'b1', text: 'Bo’s' }]);
    desk.followControl();
    expect(texts(board)).toEqual([]);
    control.reveal('draft');
    desk.followControl();
    expect(texts(board)).toEqual(['Ana’s', 'Bo’s']);
    expect([...Y.decodeStateVector(Y.encodeStateVector(board.ydoc)).keys()]).toEqual([SERVER_CLIENT_ID]);
    expect(desk.pendingOf('ana')).toEqual([]);
  });

  it('publishes a withdrawn draft never, and a reworded one as last offered', () => {
    const { board, control, desk } = deskRoom();
    desk.offer('ana', 'draft', [{ id: 'a1', text: 'first' }, { id: 'a2', text: 'gone' }]);
    desk.offer('ana', 'draft', [{ id: 'a1', text: 'second' }]);
    control.reveal('draft');
    desk.followControl();
    expect(texts(board)).toEqual(['second']);
  });

  it('batches cards written while writing is open, after a random delay within the range', () => {
    vi.useFakeTimers();
    const { board, control, desk } = deskRoom();
    control.reveal('draft');
    desk.followControl();
    expect(desk.offer('ana', 'draft', [{ id: 'a1', text: 'late idea' }])).toEqual({ held: false });
    desk.offer('bo', 'draft', [{ id: 'b1', text: 'another' }]);
    vi.advanceTimersByTime(999);
    expect(texts(board)).toEqual([]);
    vi.advanceTimersByTime(4001);
    expect(texts(board)).toEqual(['another', 'late idea']);
  });

  it('publishes what was held or due when the room loads with the step already open (a crash before the reveal’s write)', () => {
    const { board, control, privateDoc, desk } = deskRoom();
    desk.offer('ana', 'draft', [{ id: 'a1', text: 'kept through a crash' }]);
    control.reveal('draft');
    const reloadedBoard = new BoardDoc();
    const reloaded = new AnonymousDesk({
      boardView: () => reloadedBoard,
      privateDoc: () => privateDoc,
      writeBoardAsServer: (fn) => reloadedBoard.ydoc.transact(fn),
      controlState: () => control.state(),
    });
    reloaded.followControl();
    expect(texts(reloadedBoard)).toEqual(['kept through a crash']);
    expect(texts(board)).toEqual([]);
    expect(desk.pendingOf('ana')).toEqual([]);
  });

  it('keeps cards handed over anonymously anonymous when the facilitator turns anonymity off before the reveal', () => {
    const { board, control, desk } = deskRoom();
    control.set({ anonymous: true });
    desk.offer('ana', 'draft', [{ id: 'a1', text: 'said in confidence' }]);
    control.set({ anonymous: false });
    control.reveal('draft');
    desk.followControl();
    expect(board.candidates.list().map((c) => [c.text, c.authorId, c.authorName])).toEqual([['said in confidence', undefined, undefined]]);
  });

  it('refuses an offer that would publish more than the headroom (board-full) but always takes a withdrawal', () => {
    const { desk } = deskRoom();
    const card = (id: string) => ({ id, text: 'x'.repeat(400) });
    // Each card is about 500 bytes published (publishedBytes): two fit in 1,100, a third does not.
    desk.offer('ana', 'draft', [card('a1'), card('a2')], 1_100);
    expect(() => desk.offer('bo', 'draft', [card('b1')], 1_100)).toThrow(expect.objectContaining({ code: 'board-full' }));
    // Re-offering the same set, or fewer, never counts twice nor is refused.
    expect(desk.offer('ana', 'draft', [card('a1'), card('a2')], 0)).toEqual({ held: true });
    expect(desk.offer('ana', 'draft', [card('a1')], 0)).toEqual({ held: true });
    expect(desk.pendingOf('ana')).toEqual(['a1']);
  });

  it('on a board that is not anonymous takes only edits to cards handed over while it was (not-anonymous otherwise)', () => {
    const { board, control, desk } = deskRoom();
    desk.offer('ana', 'draft', [{ id: 'a1', text: 'Said in confidence' }]);
    control.set({ anonymous: false });
    expect(desk.offer('ana', 'draft', [{ id: 'a1', text: 'Said in confidence, reworded' }])).toEqual({ held: true });
    expect(() => desk.offer('ana', 'draft', [{ id: 'a1', text: 'x' }, { id: 'a2', text: 'New, untraceable' }])).toThrow(expect.objectContaining({ code: 'not-anonymous' }));
    expect(() => desk.offer('bo', 'draft', [{ id: 'b1', text: 'Bo’s' }])).toThrow(expect.objectContaining({ code: 'not-anonymous' }));
    control.reveal('draft');
    desk.followControl();
    expect(texts(board)).toEqual(['Said in confidence, reworded']);
  });
});

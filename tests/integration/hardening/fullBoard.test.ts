import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BoardDoc } from '@okr/shared/doc';
import { eventually, openBoardClient, relayHandled, type TestClient } from '../../helpers/clients.ts';
import { captureUpdate, updateMessage, type RawClient } from '../../helpers/rawSocket.ts';
import { startThrottledProxy } from '../../helpers/throttledProxy.ts';
import { pad } from '../../helpers/padding.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// The accident that used to freeze a board for good: it grew to MAX_DOC_BYTES, after which every
// edit was refused with 4413, the deletions that would have cleaned it up included.

const fixture = useServerWithRoom({ startInTest: true });

const CARD_TEXT = 'x'.repeat(1900);

/** Adds big context cards from a raw participant, `perUpdate` at a time, until the relay refuses one with 4413. */
async function fillToTheLimit(filler: RawClient, perUpdate: number): Promise<void> {
  const board = new BoardDoc(new Y.Doc());
  for (let sent = 0; sent < 10_000; sent++) {
    filler.send(updateMessage(captureUpdate(board.ydoc, () => {
      for (let i = 0; i < perUpdate; i++) board.addContextItem({ kind: 'constraint', text: CARD_TEXT });
    })));
    if ((await filler.roundTrip()) !== 'alive') break;
  }
  expect(await filler.closed).toEqual({ code: 4413, reason: 'room document is full' });
}

const cards = (client: TestClient) => client.board.contextItems.list();

/** Bytes the room's board may still grow by, measured as the relay does before refusing: compacted. */
function headroom(maxDocBytes: number): number {
  const relay = fixture.server.registry.get(fixture.room.roomId)!.board;
  relay.compact();
  return maxDocBytes - relay.approximateBytes();
}

let pads = 0;

/** An update of filler cards of at most `bytes` (and as close to it as its encoding allows). */
function padUpdate(bytes: number): Uint8Array {
  const name = `pad${pads++}`;
  for (let length = bytes; length > 0; ) {
    const doc = new Y.Doc();
    const update = captureUpdate(doc, () => pad(doc, name, length, 'y'));
    if (update.byteLength <= bytes) return update;
    length -= update.byteLength - bytes;
  }
  throw new Error(`no pad fits in ${bytes} bytes`);
}

/**
 * Tops the board up to within a few bytes of the limit (a card deletion is about 10 bytes), so
 * that nothing but what the limit lets through still fits.
 */
async function padToTheLimit(maxDocBytes: number): Promise<void> {
  for (let attempt = 0; attempt < 5 && headroom(maxDocBytes) > 30; attempt++) {
    const padder = await fixture.raw();
    padder.send(updateMessage(padUpdate(headroom(maxDocBytes))));
    expect(await padder.roundTrip()).toBe('alive');
  }
  expect(headroom(maxDocBytes)).toBeLessThan(8);
}

describe('a board at MAX_DOC_BYTES stays cleanable', () => {
  it('a participant and the facilitator delete the junk, the facilitator edits, and then anyone can add again', async () => {
    const maxDocBytes = 64 * 1024;
    await fixture.start({ maxDocBytes });
    await fillToTheLimit(await fixture.raw(), 1);
    await padToTheLimit(maxDocBytes);

    const participant = fixture.board();
    const facilitator = fixture.board({ key: fixture.room.facilitatorKey });
    await Promise.all([participant.synced, facilitator.synced]);
    const junk = cards(facilitator).map((card) => card.id);
    expect(junk.length).toBeGreaterThan(20);

    // Still full: a participant's addition is refused.
    const adder = await fixture.raw();
    const extra = new BoardDoc(new Y.Doc());
    adder.send(updateMessage(captureUpdate(extra.ydoc, () => extra.addContextItem({ kind: 'constraint', text: CARD_TEXT }))));
    expect(await adder.closed).toEqual({ code: 4413, reason: 'room document is full' });

    participant.board.remove(participant.board.contextItems, junk[0]!);
    await eventually(() => cards(facilitator).length === junk.length - 1, "the participant's deletion reached the facilitator");
    for (const id of junk.slice(1)) facilitator.board.remove(facilitator.board.contextItems, id);
    await eventually(() => cards(participant).length === 0, "the facilitator's clean-up reached the participant");
    facilitator.board.addContextItem({ kind: 'mission', text: 'What we are here for' });
    await eventually(() => cards(participant).length === 1, "the facilitator's edit went through");

    participant.board.addContextItem({ kind: 'metric', text: 'Checkout conversion 58%' });
    await eventually(() => cards(facilitator).length === 2, 'a cleaned board takes additions again');
    await relayHandled(participant.provider);
    expect(participant.provider.wsconnected && facilitator.provider.wsconnected).toBe(true);
  });

  it('a joiner on a slow link (a proxy reading 256 KiB/s) receives a full board while others edit', async () => {
    // The default ratio: the document limit is half the send-buffer limit (loadConfig enforces it).
    const maxDocBytes = 1024 * 1024;
    await fixture.start({ maxDocBytes, maxBufferedBytes: 2 * maxDocBytes });
    await fillToTheLimit(await fixture.raw(), 20);
    const editor = fixture.board({ key: fixture.room.facilitatorKey });
    await editor.synced;
    const total = cards(editor).length;

    const proxy = await startThrottledProxy(fixture.server.port, 256 * 1024);
    fixture.onTearDown(() => void proxy.close());
    const slow = openBoardClient(proxy.wsUrl, fixture.room.roomId);
    fixture.onTearDown(slow.destroy);
    const editing = setInterval(() => editor.board.updateWorkshop({ title: `Edited ${Date.now()}` }), 100);
    fixture.onTearDown(() => clearInterval(editing));
    await slow.synced.catch(() => undefined);
    await eventually(() => cards(slow).length === total, 'the slow joiner has every card', 30_000);
    clearInterval(editing);
    await relayHandled(slow.provider);
    expect(slow.provider.wsconnected).toBe(true);
  }, 60_000);
});

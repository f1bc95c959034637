import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { BoardDoc } from '@okr/shared/doc';
import { BOARD_LAYOUT, ControlDoc } from '@okr/shared/doc';
import { eventually, relayHandled, type TestClient } from '../../helpers/clients.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// "The server never checks what an update means" (issue 14): anything that integrated was kept,
// records outside the schema included. Now each client update is checked against the board's
// layout (docs/board-document.md) before it ends: stock y-websocket clients, one writing what a
// hostile colleague would, one writing valid records (legacy plain-string text included) beside it.

const fixture = useServerWithRoom();
const serverRoom = () => fixture.server.registry.get(fixture.room.roomId)!;
type Close = { code: number; reason: string };
/** Everything a board document holds under its known roots, as JSON. */
const content = (doc: Y.Doc) => JSON.stringify(Object.keys(BOARD_LAYOUT).map((root) => doc.getMap(root).toJSON()));

/** The close the server sends this client next (a 44xx close is final: the stock client stops there). */
function nextClose(client: { provider: TestClient['provider'] }): Promise<Close> {
  return new Promise((resolve) => client.provider.once('connection-close', (event) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })));
}

/** A stock client's first card, written as the app does, and its id. */
async function honestCard(client: TestClient): Promise<string> {
  const id = client.board.addKeyResult({ title: 'Conversion from 58% to 65%' });
  await eventually(() => serverRoom().board.ydoc.getMap('keyResults').has(id), 'the server has the card');
  return id;
}

describe('out-of-schema records are refused with 4422 and a reason; valid ones from stock clients pass', () => {
  const attacks: [string, (doc: Y.Doc, cardId: string) => void, string][] = [
    ['a field of the wrong type', (doc, id) => doc.getMap<Y.Map<unknown>>('keyResults').get(id)!.set('target', '65%'), `keyResults.{id}.target: expected a number, got "65%"`],
    ['an unknown collection', (doc) => doc.getMap('secrets').set('x', { any: 'thing' }), 'unknown top-level content'],
    ['an unknown top-level array', (doc) => doc.getArray('stash').push(['x']), 'unknown top-level content'],
    ['an unknown field on a card', (doc, id) => doc.getMap<Y.Map<unknown>>('keyResults').get(id)!.set('payload', 'x'.repeat(100)), 'keyResults.{id}.payload: unknown field'],
    ['an oversized text field', (doc, id) => (doc.getMap<Y.Map<unknown>>('keyResults').get(id)!.get('title') as Y.Text).insert(0, 'x'.repeat(50_000)), `keyResults.{id}.title: is longer than`],
    ['a card that is not a record', (doc) => doc.getMap('candidates').set('c1', 'just a string'), 'candidates.c1: a record is a map'],
    ['a required field deleted', (doc, id) => doc.getMap<Y.Map<unknown>>('keyResults').get(id)!.delete('order'), 'keyResults.{id}.order: is missing'],
  ];

  it.each(attacks)('%s: the writer is closed, nothing of it is kept, the honest client carries on', async (_name, write, reason) => {
    const honest = fixture.board();
    const hostile = fixture.board();
    await Promise.all([honest.synced, hostile.synced]);
    const cardId = await honestCard(honest);
    await eventually(() => hostile.board.keyResults.has(cardId), 'the hostile client has the card');
    const before = content(serverRoom().board.ydoc);
    const rejectedBefore = (await scrapeMetrics(fixture.server.httpUrl)).value('okr_rejected_updates_total', { reason: 'out-of-schema' });

    const closed = nextClose(hostile);
    write(hostile.board.ydoc, cardId);
    const close = await closed;
    expect(close.code).toBe(4422);
    expect(close.reason).toContain(`update does not fit the board schema: ${reason.replace('{id}', cardId)}`);
    expect(content(serverRoom().board.ydoc)).toBe(before);
    expect((await scrapeMetrics(fixture.server.httpUrl)).value('okr_rejected_updates_total', { reason: 'out-of-schema' })).toBe(rejectedBefore + 1);

    // The honest client was never touched and its next edits apply; a newcomer gets the clean board.
    honest.board.update(honest.board.keyResults, cardId, { target: 65 });
    const newcomer = fixture.board();
    await newcomer.synced;
    await eventually(() => newcomer.board.keyResults.get(cardId)?.target === 65, 'a newcomer sees the honest edit');
    expect(honest.provider.wsconnected).toBe(true);
    expect(content(newcomer.board.ydoc)).toBe(content(serverRoom().board.ydoc));
    expect(newcomer.board.ydoc.share.has('secrets') || newcomer.board.ydoc.share.has('stash')).toBe(false);
  });

  it('valid records from a stock client pass: every collection, the workshop, a legacy plain-string text', async () => {
    const writer = fixture.board();
    const reader = fixture.board();
    await Promise.all([writer.synced, reader.synced]);
    const board: BoardDoc = writer.board;
    const context = board.addContextItem({ kind: 'mission', text: 'Make buying easy', link: 'https://example.com/mission' });
    const candidate = board.addCandidate({ text: 'Checkout feels effortless', authorName: 'Ana' });
    const kr = board.addKeyResult({ title: 'Conversion 58% → 65%', baseline: 58, target: 65, unit: '%', deadline: '2026-09-30' });
    board.addInitiative({ title: 'Cart reminders', keyResultIds: [kr] });
    board.addParkedItem({ text: 'Loyalty programme', reason: 'Next quarter', revisitDate: '2026-10-01' });
    board.updateWorkshop({ title: 'Q3 checkout', team: 'Checkout', cycleStart: '2026-07-01', cycleEnd: '2026-09-30' });
    board.dismissFinding(`kr-has-owner:${kr}`, 'Ana');
    // A tool written before card text became Y.Text writes it as a plain string.
    board.ydoc.getMap<Y.Map<unknown>>('candidates').get(candidate)!.set('text', 'Checkout feels effortless, for returning customers');
    await relayHandled(writer.provider);
    await eventually(() => reader.board.candidates.get(candidate)?.text === 'Checkout feels effortless, for returning customers', 'the reader has every record');
    expect(reader.board.contextItems.get(context)?.link).toBe('https://example.com/mission');
    expect(reader.board.initiatives.list()[0]?.keyResultIds).toEqual([kr]);
    expect(writer.provider.wsconnected).toBe(true);
  });

  it('the control document: a facilitator’s valid change passes, an unknown key or a step that does not exist is refused', async () => {
    const key = fixture.room.facilitatorKey;
    const facilitator = fixture.control({ key });
    await facilitator.synced;
    facilitator.control.setStep('pick');
    await eventually(() => new ControlDoc(serverRoom().control.ydoc).state().step === 'pick', 'the step moved');

    for (const [write, reason] of [
      [(doc: Y.Doc) => doc.getMap('control').set('owner', 'mal'), 'control.owner: unknown field'],
      [(doc: Y.Doc) => doc.getMap('control').set('step', 'nowhere'), 'control.step: expected'],
    ] as const) {
      const hostile = fixture.control({ key });
      await hostile.synced;
      const closed = nextClose(hostile);
      write(hostile.control.ydoc);
      const close = await closed;
      expect(close).toEqual({ code: 4422, reason: expect.stringContaining(reason) as string });
    }
    expect(new ControlDoc(serverRoom().control.ydoc).state().step).toBe('pick');
    expect(serverRoom().control.ydoc.getMap('control').has('owner')).toBe(false);
    expect(facilitator.provider.wsconnected).toBe(true);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { BoardDoc } from '@okr/shared/doc';
import type { RoomRequestError } from '../../../client/src/sync/roomRequests.ts';
import { SERVER_CLIENT_ID } from '../../../server/src/relay/serverClientId.ts';
import { carryPresence } from '../../../client/src/sync/presenceChannel.ts';
import { eventually, openBoardClient, openControlClient, openProvider, relayHandled, type TestClient } from '../../helpers/clients.ts';
import { openRequester, type Requester } from '../../helpers/requester.ts';
import { createRoom, killHard, spawnServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { structWriters } from '../../helpers/structWriters.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// Issue 14, "anonymity that holds": on an anonymous board nobody can link a card to its writer,
// not by author fields, Yjs client ids, presence, order of arrival or timing of the reveal. Each
// attack is what a participant with the room link and a stock client can do; each fails.

const fixture = useServerWithRoom();
const cleanup: (() => unknown)[] = [];
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

type Writer = { name: string; requests: Requester; texts: string[] };

/** Card ids as the app's draft store makes them; any 1–64 of [A-Za-z0-9_-]. */
const cardId = (writer: string, i: number) => `${writer}-${i}-${Math.random().toString(36).slice(2, 10)}`;

function writer(wsUrl: string, roomId: string, name: string, texts: string[]): Writer {
  const requests = openRequester(wsUrl, roomId, { seat: `${name}-seat-secret-0000000000000` });
  cleanup.push(requests.destroy);
  return { name, requests, texts };
}

/** Hands a writer's drafts to the server as the app does: the whole set for the step. */
async function offer(w: Writer, step: 'draft' | 'brainstorm' = 'draft'): Promise<{ id: string; text: string }[]> {
  const cards = w.texts.map((text, i) => ({ id: cardId(w.name, i), text }));
  await w.requests.synced;
  await w.requests.requests.request('offerCards', { step, cards });
  return cards;
}

async function facilitator(wsUrl: string, roomId: string, key: string) {
  const control = openControlClient(wsUrl, roomId, { key });
  cleanup.push(control.destroy);
  await control.synced;
  return control;
}

/** The fixture's room made anonymous by its facilitator, with a stock client watching the board. */
async function anonymousBoard() {
  const { wsUrl } = fixture.server;
  const { roomId, facilitatorKey } = fixture.room;
  const fay = await facilitator(wsUrl, roomId, facilitatorKey);
  fay.control.set({ anonymous: true });
  const watcher = fixture.board();
  await watcher.synced;
  return { wsUrl, roomId, fay, watcher };
}

describe('anonymous cards', () => {
  it('honest path: drafts stay private until the reveal, then everyone sees every card, unsigned, under the server’s client id', async () => {
    const { wsUrl, roomId, fay, watcher } = await anonymousBoard();
    const writers = [writer(wsUrl, roomId, 'ana', ['Our CEO keeps overruling the roadmap', 'Ship less, learn more']), writer(wsUrl, roomId, 'bo', ['Delight first-time buyers']), writer(wsUrl, roomId, 'cy', ['Cut churn in half'])];
    await Promise.all(writers.map((w) => offer(w)));
    await relayHandled(watcher.provider);

    // Before the reveal: nothing of any draft in the board or control documents.
    const secretTexts = writers.flatMap((w) => w.texts);
    for (const doc of [watcher.board.ydoc, fay.control.ydoc]) {
      const json = JSON.stringify(doc.toJSON());
      for (const text of secretTexts) expect(json).not.toContain(text);
    }

    const updates: Uint8Array[] = [];
    watcher.board.ydoc.on('update', (u: Uint8Array) => updates.push(u));
    fay.control.reveal('draft');
    await eventually(() => watcher.board.candidates.list().length === 4, 'four cards after the reveal');
    expect(watcher.board.candidates.list().map((c) => c.text).sort()).toEqual([...secretTexts].sort());
    // Author fields: none at all.
    for (const card of watcher.board.candidates.list()) expect(Object.keys(card).sort()).toEqual(['id', 'order', 'text']);
    // Yjs client ids: every struct of every card is the server's.
    expect([...structWriters(watcher.board.ydoc, 'candidates')]).toEqual([SERVER_CLIENT_ID]);
    // Timing: all cards arrived in one update, not one per writer.
    expect(updates).toHaveLength(1);
  });

  it('order of arrival: cards go out shuffled, not in the order they were handed over', async () => {
    const { wsUrl, roomId, fay, watcher } = await anonymousBoard();
    // 5 writers × 4 cards, handed over one writer after the other: 20! orders, one of them the handover's.
    const handedOver: string[] = [];
    for (const name of ['ana', 'bo', 'cy', 'dee', 'eli']) {
      const cards = await offer(writer(wsUrl, roomId, name, [1, 2, 3, 4].map((i) => `${name} idea ${i}`)));
      handedOver.push(...cards.map((c) => c.text));
    }
    fay.control.reveal('draft');
    await eventually(() => watcher.board.candidates.list().length === 20, 'twenty cards');
    const shown = watcher.board.candidates.list().map((c) => c.text);
    expect(shown).not.toEqual(handedOver);
    // Not grouped by writer either: some writer's cards are not all next to each other.
    const runs = shown.reduce((n, text, i) => n + (i > 0 && text.split(' ')[0] !== shown[i - 1]!.split(' ')[0] ? 1 : 0), 1);
    expect(runs).toBeGreaterThan(5);
  });

  it('timing: cards written while writing is open go out together after a random delay, not as each is written', async () => {
    const { wsUrl, roomId, fay, watcher } = await anonymousBoard();
    fay.control.reveal('draft');
    const arrivals: number[] = [];
    watcher.board.subscribe(() => arrivals.push(watcher.board.candidates.list().length));
    const [ana, bo] = [writer(wsUrl, roomId, 'ana', ['Ana, writing openly']), writer(wsUrl, roomId, 'bo', ['Bo, a moment later'])];
    await Promise.all([ana.requests.synced, bo.requests.synced]);
    const started = Date.now();
    await offer(ana);
    await new Promise((r) => setTimeout(r, 300));
    await offer(bo);
    await eventually(() => watcher.board.candidates.list().length === 2, 'both cards', 10_000);
    // Not before the shortest delay, and both in the same update.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(arrivals.filter((n) => n > 0)).toEqual([2]);
    expect([...structWriters(watcher.board.ydoc, 'candidates')]).toEqual([SERVER_CLIENT_ID]);
  });

  it('presence: the app’s presence ids are not the board’s client ids, and carry no writer id on an anonymous board', async () => {
    const { wsUrl, roomId, watcher: spy } = await anonymousBoard();
    // Ana as the app runs her: presence on an awareness with its own random id (roomConnection.ts).
    const ana = new BoardDoc(new Y.Doc());
    const provider = openProvider(wsUrl, roomId, ana.ydoc);
    const presence = new Awareness(new Y.Doc());
    const stopCarrying = carryPresence(provider, presence);
    cleanup.push(() => {
      stopCarrying();
      presence.doc.destroy();
      provider.destroy();
    });
    presence.setLocalState({ user: { id: 'ana', name: 'Ana', color: '#f00', role: 'participant' } });
    ana.addContextItem({ kind: 'metric', text: 'Ana wrote this context item' });
    await eventually(() => [...spy.provider.awareness.getStates().values()].some((s) => (s as { user?: { name?: string } }).user?.name === 'Ana'), 'Ana in presence');
    await eventually(() => spy.board.contextItems.list().length === 1, 'Ana’s context item');
    const presenceIds = [...spy.provider.awareness.getStates().keys()];
    const boardWriters = [...Y.decodeStateVector(Y.encodeStateVector(spy.board.ydoc)).keys()];
    expect(presenceIds.filter((id) => boardWriters.includes(id))).toEqual([]);
    for (const state of spy.provider.awareness.getStates().values()) expect(state).not.toHaveProperty('writer');
  });

  it('a modified client cannot read, take over or withdraw another person’s held drafts', async () => {
    const { wsUrl, roomId, fay, watcher } = await anonymousBoard();
    const ana = writer(wsUrl, roomId, 'ana', ['Ana’s secret']);
    const [held] = await offer(ana);
    const mal = writer(wsUrl, roomId, 'mal', []);
    // Replacing her card under its id: refused, whatever the text.
    const taken = await mal.requests.requests.request('offerCards', { step: 'draft', cards: [{ id: held!.id, text: 'Mal’s words' }] }).catch((e: unknown) => e);
    expect((taken as RoomRequestError).code).toBe('id-taken');
    // Withdrawing everything Mal holds touches only Mal's.
    await mal.requests.requests.request('offerCards', { step: 'draft', cards: [] });
    // Malformed offers are refused with a reason.
    for (const args of [{ step: 'draft', cards: [{ id: 'has spaces', text: 'x' }] }, { step: 'context', cards: [] }, { step: 'draft', cards: [{ id: 'a', text: 'x'.repeat(501) }] }]) {
      const refused = await mal.requests.requests.request('offerCards', args).catch((e: unknown) => e);
      expect((refused as RoomRequestError).code).toBe('invalid-args');
    }
    // A viewer may not hand over cards at all.
    const viewer = openRequester(wsUrl, roomId, { viewerKey: fixture.room.viewerKey });
    cleanup.push(viewer.destroy);
    const forbidden = await viewer.requests.request('offerCards', { step: 'draft', cards: [] }).catch((e: unknown) => e);
    expect((forbidden as RoomRequestError).code).toBe('forbidden');

    fay.control.reveal('draft');
    await eventually(() => watcher.board.candidates.list().length === 1, 'Ana’s card');
    expect(watcher.board.candidates.list().map((c) => c.text)).toEqual(['Ana’s secret']);
  });

  it('keeps held drafts through a crash (SIGKILL) between the handover and the reveal', async () => {
    const dataDir = tempDataDir('okr-anon-');
    let server: ServerProcess = await spawnServer(dataDir);
    cleanup.push(() => killHard(server));
    const room = await createRoom(server.httpUrl);
    const fay = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await fay.synced;
    fay.control.set({ anonymous: true });
    await relayHandled(fay.provider);
    const ana = writer(server.wsUrl, room.roomId, 'ana', ['Survives a crash']);
    await offer(ana);
    fay.destroy();
    await killHard(server);

    server = await spawnServer(dataDir);
    const again = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    cleanup.push(again.destroy);
    const watcher: TestClient = openBoardClient(server.wsUrl, room.roomId);
    cleanup.push(watcher.destroy);
    await Promise.all([again.synced, watcher.synced]);
    expect(watcher.board.candidates.list()).toEqual([]);
    again.control.reveal('draft');
    await eventually(() => watcher.board.candidates.list().length === 1, 'the card held before the crash');
    expect(watcher.board.candidates.list()[0]!.text).toBe('Survives a crash');
    expect([...structWriters(watcher.board.ydoc, 'candidates')]).toEqual([SERVER_CLIENT_ID]);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardIds, type BoardDoc } from '@okr/shared/doc';
import { SERVER_CLIENT_ID } from '../../server/src/relay/serverClientId.ts';
import { RoomStore } from '../../server/src/store/roomStore.ts';
import { eventually, openBoardClient, relayHandled } from '../helpers/clients.ts';
import { runOkr } from '../helpers/cli.ts';
import { captureUpdate, updateMessage } from '../helpers/rawSocket.ts';
import { startTestServer } from '../helpers/server.ts';
import { pad } from '../helpers/padding.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

/*
 * History and restore, each test starting from the accident of issue 9: one participant's stock
 * client deletes all 11 cards.
 */

const fixture = useServerWithRoom({ startInTest: true });

type HistoryJson = { id: number; reason: string; step: string; cards: number; added: number; removed: number; createdAt: string; bytes: number }[];

/** A board of 11 cards, kept as a version at a step change, then wiped by a participant. */
async function theAccident() {
  const { room } = fixture;
  const participant = fixture.board();
  const control = fixture.control({ key: room.facilitatorKey });
  await Promise.all([participant.synced, control.synced]);
  for (let i = 1; i <= 11; i++) participant.board.addCandidate({ id: `card-${i}`, text: `Objective draft ${i}` });
  const cards = cardIds(participant.board);
  control.control.setStep('draft');
  await relayHandled(control.provider);
  wipe(participant.board);
  await relayHandled(participant.provider);
  return { participant, cards };
}

function wipe(board: BoardDoc): void {
  board.transact(() => board.candidates.list().forEach((card) => board.candidates.remove(card.id)));
}

async function history(dataDir: string, roomId: string): Promise<HistoryJson> {
  const result = await runOkr(['history', roomId, '--json'], dataDir);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as HistoryJson;
}

describe('history and restore', () => {
  it('okr history lists the versions with step, why and what changed; okr restore (server running) gives everyone the cards back', async () => {
    await fixture.start();
    const { participant, cards } = await theAccident();
    const dataDir = fixture.server.dataDir;
    const versions = await history(dataDir, fixture.room.roomId);
    expect(versions.map(({ reason, step, cards: count, added, removed }) => ({ reason, step, count, added, removed }))).toEqual([
      { reason: 'step', step: 'context', count: 11, added: 11, removed: 0 },
    ]);
    const text = await runOkr(['history', fixture.room.roomId], dataDir);
    expect(text.stdout).toMatch(/VERSION\s+TIME\s+STEP\s+WHY\s+CARDS\s+CHANGES/);
    expect(text.stdout).toContain('Step changed');

    const restored = await runOkr(['restore', fixture.room.roomId, String(versions[0]!.id)], dataDir);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('the running server sent it to everyone');
    expect(restored.code).toBe(0);
    await eventually(() => cardIds(participant.board).join() === cards.join(), 'the participant has the 11 cards back');
    expect((await history(dataDir, fixture.room.roomId))[0]).toMatchObject({ reason: 'restore', cards: 0, removed: 11 });
  });

  it('okr restore with the server stopped writes the change to the store under the server\'s client id; the room opens with the cards and takes its people\'s edits', async () => {
    await fixture.start();
    const { cards } = await theAccident();
    const { dataDir } = fixture.server;
    const roomId = fixture.room.roomId;
    const [version] = await history(dataDir, roomId);
    await fixture.server.close();

    const restored = await runOkr(['restore', roomId, String(version!.id)], dataDir);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('written to the store');
    expect(restored.code).toBe(0);
    // The restore is the board log's last row: every struct it adds is the server's, none a participant's.
    const store = RoomStore.open(dataDir);
    const restore = store.loadDoc(roomId, 'board').updates.at(-1)!;
    store.close();
    const writers = new Set(Y.decodeUpdate(restore).structs.map((struct) => struct.id.client));
    expect([...writers]).toEqual([SERVER_CLIENT_ID]);

    const again = await startTestServer({ dataDir });
    try {
      const late = openBoardClient(again.wsUrl, roomId);
      const other = openBoardClient(again.wsUrl, roomId);
      await Promise.all([late.synced, other.synced]);
      expect(cardIds(late.board)).toEqual(cards);
      // Edits on and beside the restored cards are taken and reach the others (a refused one closes the connection).
      late.board.setNoteText('candidates', 'card-1', 'Objective draft 1, restored and reworded');
      late.board.addCandidate({ id: 'card-12', text: 'After the restore' });
      await eventually(() => other.board.candidates.get('card-12') !== undefined && other.board.candidates.get('card-1')?.text === 'Objective draft 1, restored and reworded', 'the other client has both edits');
      expect(late.provider.wsconnected).toBe(true);
      late.destroy();
      other.destroy();
    } finally {
      await again.close();
    }
  });

  it('a big deletion is kept: the version before it lists the cards, the one deletion removes them all', async () => {
    await fixture.start();
    const participant = fixture.board();
    await participant.synced;
    for (let i = 1; i <= 11; i++) participant.board.addCandidate({ text: `Draft ${i}` });
    await relayHandled(participant.provider);
    wipe(participant.board);
    await relayHandled(participant.provider);
    const versions = await history(fixture.server.dataDir, fixture.room.roomId);
    expect(versions[0]).toMatchObject({ reason: 'deletion', cards: 11 });
  });

  it('refuses bad arguments with exit code 2 and one line naming the problem', async () => {
    await fixture.start();
    const { dataDir } = fixture.server;
    const roomId = fixture.room.roomId;
    const table: [string[], RegExp][] = [
      [['restore', roomId, 'latest'], /"latest" is not a version number/],
      [['restore', roomId, '999999'], /has no version 999999/],
      [['history', 'x'], /"x" is not a room id/],
    ];
    for (const [args, message] of table) {
      const result = await runOkr(args, dataDir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    }
  });
});

describe('a restore on a full board', () => {
  it('a facilitator restores the version through their own client after the board reached MAX_DOC_BYTES', async () => {
    await fixture.start({ maxDocBytes: 24 * 1024 });
    const { participant, cards } = await theAccident();
    // A participant fills what the wipe left until the server refuses more (4413).
    const filler = await fixture.raw();
    const doc = new Y.Doc();
    let sent = 0;
    while (filler.isOpen && sent < 20) {
      filler.send(updateMessage(captureUpdate(doc, () => pad(doc, `b${sent}`, 4 * 1024))));
      sent++;
      await filler.closedWithin(50);
    }
    expect(await filler.closed).toEqual({ code: 4413, reason: 'room document is full' });

    const { httpUrl } = fixture.server;
    const { roomId, facilitatorKey } = fixture.room;
    const auth = { Authorization: `Bearer ${facilitatorKey}` };
    const { versions } = (await (await fetch(`${httpUrl}/api/rooms/${roomId}/history`, { headers: auth })).json()) as { versions: HistoryJson };
    const snapshot = new Uint8Array(await (await fetch(`${httpUrl}/api/rooms/${roomId}/history/${versions[0]!.id}`, { headers: auth })).arrayBuffer());
    const facilitator = fixture.board({ key: facilitatorKey });
    await facilitator.synced;
    facilitator.board.restoreFrom(snapshot);
    await eventually(() => cardIds(participant.board).join() === cards.join(), 'everyone has the 11 cards back');
    expect(facilitator.provider.wsconnected).toBe(true);
  });
});

describe('the History API', () => {
  it('lists versions and sends one version\'s board to the facilitator only', async () => {
    await fixture.start();
    await theAccident();
    const { httpUrl } = fixture.server;
    const { roomId, facilitatorKey } = fixture.room;
    const auth = { Authorization: `Bearer ${facilitatorKey}` };
    const list = await fetch(`${httpUrl}/api/rooms/${roomId}/history`, { headers: auth });
    expect(list.status).toBe(200);
    const { versions } = (await list.json()) as { versions: HistoryJson };
    expect(versions).toHaveLength(1);
    const one = await fetch(`${httpUrl}/api/rooms/${roomId}/history/${versions[0]!.id}`, { headers: auth });
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toBe('application/octet-stream');
    expect((await one.arrayBuffer()).byteLength).toBe(versions[0]!.bytes);

    const refused = [
      [await fetch(`${httpUrl}/api/rooms/${roomId}/history`), 401],
      [await fetch(`${httpUrl}/api/rooms/${roomId}/history`, { headers: { Authorization: 'Bearer wrong-key-wrong-key-wrong' } }), 401],
      [await fetch(`${httpUrl}/api/rooms/${roomId}/history/999999`, { headers: auth }), 404],
      [await fetch(`${httpUrl}/api/rooms/${roomId}/history`, { method: 'POST', headers: auth }), 405],
    ] as const;
    for (const [response, status] of refused) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: string }).error).toBeTruthy();
    }
  });
});

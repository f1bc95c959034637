import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRoom, startTestServer, type CreatedRoom, type TestServer } from '../helpers/server.ts';
import { eventually, openBoardClient, openControlClient, openProvider, whenSynced } from '../helpers/clients.ts';

let server: TestServer;
let room: CreatedRoom;
const cleanup: (() => void)[] = [];

beforeEach(async () => {
  server = await startTestServer();
  room = await createRoom(server.httpUrl);
});
afterEach(async () => {
  for (const fn of cleanup.splice(0)) fn();
  await server.close();
});

const settle = () => new Promise((r) => setTimeout(r, 300));

describe('facilitator-owned state is enforced by the server', () => {
  it('a participant connection cannot change the control document, even by writing to it directly', async () => {
    const facilitator = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const participant = openControlClient(server.wsUrl, room.roomId);
    cleanup.push(facilitator.destroy, participant.destroy);
    await Promise.all([facilitator.synced, participant.synced]);

    facilitator.control.setStep('draft');
    await eventually(() => participant.control.state().step === 'draft', 'participant follows the facilitator');

    // A modified client: writes straight into its copy, which the provider sends as an update.
    participant.control.setStep('refine');
    participant.control.set({ locked: true });
    await settle();
    expect(facilitator.control.state().step).toBe('draft');
    expect(facilitator.control.state().locked).toBe(false);

    // A late joiner sees the facilitator's state, not the participant's attempt.
    const late = openControlClient(server.wsUrl, room.roomId);
    cleanup.push(late.destroy);
    await late.synced;
    expect(late.control.state().step).toBe('draft');
  });

  it('a participant cannot smuggle a control change through sync step 2 on reconnect', async () => {
    const doc = new Y.Doc();
    doc.getMap('control').set('step', 'summary');
    const sneaky = openProvider(server.wsUrl, room.roomId, doc, { control: true });
    cleanup.push(() => sneaky.destroy());
    await whenSynced(sneaky);
    await settle();
    const observer = openControlClient(server.wsUrl, room.roomId);
    cleanup.push(observer.destroy);
    await observer.synced;
    expect(observer.control.state().step).toBe('context');
  });

  it('viewers are read-only on both documents, and the viewer key reveals nothing else', async () => {
    const facilitator = openBoardClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const facilitatorControl = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const viewer = openBoardClient(server.wsUrl, '', { viewerKey: room.viewerKey });
    const viewerControl = openControlClient(server.wsUrl, '', { viewerKey: room.viewerKey });
    cleanup.push(facilitator.destroy, facilitatorControl.destroy, viewer.destroy, viewerControl.destroy);
    await Promise.all([facilitator.synced, facilitatorControl.synced, viewer.synced, viewerControl.synced]);

    facilitator.board.addContextItem({ kind: 'mission', text: 'seen by the projector' });
    facilitatorControl.control.setStep('pick');
    await eventually(() => viewer.board.contextItems.list().length === 1 && viewerControl.control.state().step === 'pick', 'viewer follows');

    viewer.board.addContextItem({ kind: 'metric', text: 'written by a viewer' });
    viewerControl.control.setStep('summary');
    await settle();
    expect(facilitator.board.contextItems.list().map((i) => i.text)).toEqual(['seen by the projector']);
    expect(facilitatorControl.control.state().step).toBe('pick');

    expect(room.viewerKey).not.toBe(room.roomId);
    expect(room.viewerUrl).not.toContain(room.roomId);
    expect(room.viewerUrl).not.toContain(room.facilitatorKey);
  });

  it('a locked board takes edits from the facilitator only', async () => {
    const facilitator = openBoardClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const facilitatorControl = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const participant = openBoardClient(server.wsUrl, room.roomId);
    cleanup.push(facilitator.destroy, facilitatorControl.destroy, participant.destroy);
    await Promise.all([facilitator.synced, facilitatorControl.synced, participant.synced]);

    facilitatorControl.control.set({ locked: true });
    await settle();
    participant.board.addContextItem({ kind: 'metric', text: 'while locked' });
    facilitator.board.addContextItem({ kind: 'mission', text: 'facilitator while locked' });
    await eventually(() => participant.board.contextItems.list().some((i) => i.text === 'facilitator while locked'), 'facilitator edit arrives');
    await settle();
    expect(facilitator.board.contextItems.list().map((i) => i.text)).toEqual(['facilitator while locked']);

    facilitatorControl.control.set({ locked: false });
    await settle();
    participant.board.addContextItem({ kind: 'metric', text: 'after unlock' });
    await eventually(() => facilitator.board.contextItems.list().some((i) => i.text === 'after unlock'), 'edits flow again after unlock');
  });
});

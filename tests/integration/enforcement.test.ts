import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, openProvider, relayHandled, whenSynced } from '../helpers/clients.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

const fixture = useServerWithRoom();

// Proving a refused write did not arrive: once the relay has handled the writer's messages (it
// handles each connection's in order), an allowed change to the same document is written and
// awaited. Had the refused one been let through, it would have been broadcast with or before it.
const boardWitness = () => fixture.board({ key: fixture.room.facilitatorKey });
const controlWitness = () => fixture.control({ key: fixture.room.facilitatorKey });

describe('facilitator-owned state is enforced by the server', () => {
  it('a participant connection cannot change the control document, even by writing to it directly', async () => {
    const facilitator = fixture.control({ key: fixture.room.facilitatorKey });
    const participant = fixture.control();
    const cofacilitator = controlWitness();
    await Promise.all([facilitator.synced, participant.synced, cofacilitator.synced]);

    facilitator.control.setStep('draft');
    await eventually(() => participant.control.state().step === 'draft', 'participant follows the facilitator');

    // A modified client: writes straight into its copy, which the provider sends as an update.
    participant.control.setStep('refine');
    participant.control.set({ locked: true });
    await relayHandled(participant.provider);
    cofacilitator.control.set({ anonymous: true });
    await eventually(() => facilitator.control.state().anonymous, 'the co-facilitator\'s change arrives');
    expect(facilitator.control.state().step).toBe('draft');
    expect(facilitator.control.state().locked).toBe(false);

    // A late joiner sees the facilitator's state, not the participant's attempt.
    const late = fixture.control();
    await late.synced;
    expect(late.control.state().step).toBe('draft');
  });

  it('a participant cannot smuggle a control change through sync step 2 on reconnect', async () => {
    const doc = new Y.Doc();
    doc.getMap('control').set('step', 'summary');
    const sneaky = openProvider(fixture.server.wsUrl, fixture.room.roomId, doc, { control: true });
    fixture.onTearDown(() => sneaky.destroy());
    await whenSynced(sneaky);
    await relayHandled(sneaky);
    const observer = fixture.control();
    await observer.synced;
    expect(observer.control.state().step).toBe('context');
  });

  it('viewers are read-only on both documents, and the viewer key reveals nothing else', async () => {
    const facilitator = fixture.board({ key: fixture.room.facilitatorKey });
    const facilitatorControl = fixture.control({ key: fixture.room.facilitatorKey });
    const viewer = fixture.board({ viewerKey: fixture.room.viewerKey });
    const viewerControl = fixture.control({ viewerKey: fixture.room.viewerKey });
    const [boardWriter, controlWriter] = [boardWitness(), controlWitness()];
    await Promise.all([facilitator.synced, facilitatorControl.synced, viewer.synced, viewerControl.synced, boardWriter.synced, controlWriter.synced]);

    facilitator.board.addContextItem({ kind: 'mission', text: 'seen by the projector' });
    facilitatorControl.control.setStep('pick');
    await eventually(() => viewer.board.contextItems.list().length === 1 && viewerControl.control.state().step === 'pick', 'viewer follows');

    viewer.board.addContextItem({ kind: 'metric', text: 'written by a viewer' });
    viewerControl.control.setStep('summary');
    await Promise.all([relayHandled(viewer.provider), relayHandled(viewerControl.provider)]);
    boardWriter.board.addCandidate({ text: 'witness' });
    controlWriter.control.set({ anonymous: true });
    await eventually(
      () => facilitator.board.candidates.list().length === 1 && facilitatorControl.control.state().anonymous,
      'the witnesses\' changes arrive',
    );
    expect(facilitator.board.contextItems.list().map((i) => i.text)).toEqual(['seen by the projector']);
    expect(facilitatorControl.control.state().step).toBe('pick');

    expect(fixture.room.viewerKey).not.toBe(fixture.room.roomId);
    expect(fixture.room.viewerUrl).not.toContain(fixture.room.roomId);
    expect(fixture.room.viewerUrl).not.toContain(fixture.room.facilitatorKey);
  });

  it('a locked board takes edits from the facilitator only', async () => {
    const facilitator = fixture.board({ key: fixture.room.facilitatorKey });
    const facilitatorControl = fixture.control({ key: fixture.room.facilitatorKey });
    const participant = fixture.board();
    const boardWriter = boardWitness();
    await Promise.all([facilitator.synced, facilitatorControl.synced, participant.synced, boardWriter.synced]);

    facilitatorControl.control.set({ locked: true });
    await relayHandled(facilitatorControl.provider);
    participant.board.addContextItem({ kind: 'metric', text: 'while locked' });
    facilitator.board.addContextItem({ kind: 'mission', text: 'facilitator while locked' });
    await eventually(() => participant.board.contextItems.list().some((i) => i.text === 'facilitator while locked'), 'facilitator edit arrives');
    // The participant's edit is refused; its connection stays open (the server asks for it on unlock).
    await relayHandled(participant.provider);
    boardWriter.board.addCandidate({ text: 'witness' });
    await eventually(() => facilitator.board.candidates.list().length === 1, 'the witness\'s change arrives');
    expect(facilitator.board.contextItems.list().map((i) => i.text)).toEqual(['facilitator while locked']);

    facilitatorControl.control.set({ locked: false });
    await relayHandled(facilitatorControl.provider);
    participant.board.addContextItem({ kind: 'metric', text: 'after unlock' });
    await eventually(() => facilitator.board.contextItems.list().some((i) => i.text === 'after unlock'), 'edits flow again after unlock');
  });
});

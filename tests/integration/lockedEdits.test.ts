import { describe, expect, it } from 'vitest';
import { eventually, relayHandled } from '../helpers/clients.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

const fixture = useServerWithRoom();

describe('a stock client editing a locked board', () => {
  it('stays connected and present, and its held edit arrives when the board unlocks, without a reconnect', async () => {
    const facilitator = fixture.board({ key: fixture.room.facilitatorKey });
    const facilitatorControl = fixture.control({ key: fixture.room.facilitatorKey });
    const participant = fixture.board();
    await Promise.all([facilitator.synced, facilitatorControl.synced, participant.synced]);
    const participantId = participant.provider.awareness.clientID;
    participant.provider.awareness.setLocalStateField('name', 'Ana');
    await eventually(() => facilitator.provider.awareness.getStates().has(participantId), 'the participant is present');
    const socket = participant.provider.ws;
    let closes = 0;
    participant.provider.on('connection-close', () => closes++);

    facilitatorControl.control.set({ locked: true });
    await relayHandled(facilitatorControl.provider);
    participant.board.addContextItem({ kind: 'metric', text: 'while locked' });
    participant.board.addContextItem({ kind: 'metric', text: 'still locked' });
    await relayHandled(participant.provider);
    facilitator.board.addCandidate({ text: 'witness' });
    await eventually(() => participant.board.candidates.list().length === 1, 'the facilitator\'s change arrives');
    expect(facilitator.board.contextItems.list()).toEqual([]);
    expect(participant.provider.ws).toBe(socket);
    expect(facilitator.provider.awareness.getStates().has(participantId)).toBe(true);

    // The participant writes nothing more: the server asks for what it held.
    facilitatorControl.control.set({ locked: false });
    await eventually(() => facilitator.board.contextItems.list().length === 2, 'the held edits arrive on unlock');
    expect(facilitator.board.contextItems.list().map((i) => i.text).sort()).toEqual(['still locked', 'while locked']);
    expect(closes).toBe(0);
    expect(participant.provider.ws).toBe(socket);
  });
});

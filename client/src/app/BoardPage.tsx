import { useEffect, useState } from 'react';
import { RoomConnection, type Access } from '../sync/roomConnection.ts';
import { RoomContext } from '../sync/RoomContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useIdentity } from '../state/identity.ts';
import { JoinForm } from './JoinForm.tsx';
import { BoardShell } from './BoardShell.tsx';
import { DraftPublisher } from '../drafts/DraftPublisher.tsx';
import { useRoomExists } from './useRoomExists.ts';

/** Opens the room's connection once the person has a name, and closes it on leave. */
export function BoardPage({ access }: { access: Access }) {
  const identity = useIdentity();
  const exists = useRoomExists(access);
  const needsName = access.kind !== 'viewer' && identity.name === '';
  const [room, setRoom] = useState<RoomConnection | null>(null);
  const accessKey = JSON.stringify(access);

  useEffect(() => {
    if (needsName || exists !== 'exists') return;
    const connection = new RoomConnection(JSON.parse(accessKey) as Access);
    setRoom(connection);
    return () => {
      connection.destroy();
      setRoom(null);
    };
  }, [accessKey, needsName, exists]);

  useEffect(() => {
    if (!room || room.isViewer) return;
    updatePresence(room.awareness, {
      user: { id: identity.id, name: identity.name, color: identity.color, role: room.isFacilitator ? 'facilitator' : 'participant' },
    });
  }, [room, identity.id, identity.name, identity.color]);

  if (exists === 'missing') {
    return (
      <main className="page-center">
        <h1>No board at this link</h1>
        <p>The link may be mistyped or cut short. Ask the facilitator for it again, or <a href="/">start a new workshop</a>.</p>
      </main>
    );
  }
  if (exists === 'wrong-key') {
    return (
      <main className="page-center">
        <h1>This facilitator link does not work</h1>
        <p>
          Its key is not this board's. Copy the facilitator link again from where you saved it, or join as a participant with the{' '}
          <a href={location.pathname}>participant link</a>.
        </p>
      </main>
    );
  }
  if (needsName) return <JoinForm facilitator={access.kind === 'facilitator'} />;
  if (!room) return null;
  return (
    <RoomContext.Provider value={room}>
      {/* Publishes this device's private drafts at a reveal, whichever step is on screen. */}
      {!room.isViewer && <DraftPublisher />}
      <BoardShell />
    </RoomContext.Provider>
  );
}

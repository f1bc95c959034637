import { useEffect, useState } from 'react';
import { RoomConnection, type Access } from '../sync/roomConnection.ts';
import { RoomContext } from '../sync/RoomContext.tsx';
import { createBoardUiStore, type BoardUiStore } from '../state/boardUi.ts';
import { BoardUiContext } from '../state/BoardUiContext.tsx';
import { updatePresence } from '../sync/presence.ts';
import { useIdentity } from '../state/identity.ts';
import { JoinForm } from './JoinForm.tsx';
import { BoardShell } from './BoardShell.tsx';
import { useRoomExists } from './useRoomExists.ts';
import { LinkRevoked } from './LinkRevoked.tsx';
import { openWithoutKeptKey } from './addressBar.ts';
import { RememberWorkshop } from './RememberWorkshop.tsx';
import { useSeatName } from './useSeatName.ts';

/** One open board: its connection and this device's UI state for it, born and dropped together. */
type Session = { room: RoomConnection; ui: BoardUiStore };

/** Opens the room's connection once the person has a name, and closes it on leave. */
export function BoardPage({ access }: { access: Access }) {
  const identityId = useIdentity((s) => s.id);
  const identityName = useIdentity((s) => s.name);
  const identityColor = useIdentity((s) => s.color);
  const { check: exists, title } = useRoomExists(access);
  const needsName = access.kind !== 'viewer' && identityName === '';
  const [session, setSession] = useState<Session | null>(null);
  const room = session?.room ?? null;
  const accessKey = JSON.stringify(access);

  useEffect(() => {
    if (needsName || exists !== 'exists') return;
    const connection = new RoomConnection(JSON.parse(accessKey) as Access);
    setSession({ room: connection, ui: createBoardUiStore() });
    return () => {
      connection.destroy();
      setSession(null);
    };
  }, [accessKey, needsName, exists]);

  const seatName = useSeatName(room);
  useEffect(() => {
    if (!room || room.isViewer) return;
    updatePresence(room.awareness, {
      user: { id: identityId, name: seatName || identityName, color: identityColor, role: room.isFacilitator ? 'facilitator' : 'participant' },
    });
  }, [room, identityId, identityName, seatName, identityColor]);

  if (exists === 'missing') {
    return (
      <main className="page-center">
        <h1>No board at this link</h1>
        <p>The link may be mistyped or cut short. Ask the facilitator for it again, or <a href="/">start a new workshop</a>.</p>
      </main>
    );
  }
  if (exists === 'revoked') return <LinkRevoked />;
  if (exists === 'wrong-key') {
    return (
      <main className="page-center">
        <h1>This facilitator link does not work</h1>
        <p>
          Its key is not this board's. Copy the facilitator link again from where you saved it, or join as a participant with the{' '}
          <a href={location.pathname} onClick={openWithoutKeptKey}>
            participant link
          </a>
          .
        </p>
      </main>
    );
  }
  if (needsName) return <JoinForm facilitator={access.kind === 'facilitator'} title={title} />;
  if (!session) return null;
  return (
    <RoomContext.Provider value={session.room}>
      <BoardUiContext.Provider value={session.ui}>
        {session.room.isFacilitator && <RememberWorkshop />}
        <BoardShell />
      </BoardUiContext.Provider>
    </RoomContext.Provider>
  );
}

import { usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { MyName } from './MyName.tsx';

/** Who is here now, from presence, one chip per seat: a person disappears when their last device leaves. This person's own chip changes their name. */
export function PresenceList() {
  const people = usePresence();
  const room = useRoom();
  return (
    <section className="presence" aria-label="Who is here">
      <span className="presence-count">{people.length} here</span>
      <ul>
        {people.map((p) => (
          <li key={p.seatId} className={p.isMe ? 'is-me' : undefined} style={{ borderColor: p.user.color }} title={p.user.role === 'facilitator' ? 'Facilitator' : 'Participant'}>
            <span className="dot" style={{ background: p.user.color }} aria-hidden="true" />
            {p.isMe && !room.isViewer ? <MyName name={p.user.name} /> : p.user.name}
            {p.user.role === 'facilitator' && <span className="visually-hidden"> (facilitator)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

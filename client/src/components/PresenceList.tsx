import { usePresence } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { BarMenu } from './BarMenu.tsx';
import { MyName } from './MyName.tsx';
import { PHONE_WIDTH, useMediaQuery } from './useMediaQuery.ts';

/**
 * Who is here now, from presence, one chip per seat: a person disappears when their last device leaves. This person's own chip changes their name.
 * On a phone the count opens the list: a row of chips took a sixth of the screen above every step.
 */
export function PresenceList() {
  const people = usePresence();
  const room = useRoom();
  const phone = useMediaQuery(PHONE_WIDTH);
  const list = (
    <ul>
      {people.map((p) => (
        <li key={p.seatId} className={p.isMe ? 'is-me' : undefined} style={{ borderColor: p.user.color }} title={p.user.role === 'facilitator' ? 'Facilitator' : 'Participant'}>
          <span className="dot" style={{ background: p.user.color }} aria-hidden="true" />
          {p.isMe && !room.isViewer ? <MyName name={p.user.name} /> : p.user.name}
          {p.user.role === 'facilitator' && <span className="visually-hidden"> (facilitator)</span>}
        </li>
      ))}
    </ul>
  );
  return (
    <section className="presence" aria-label="Who is here">
      {phone ? (
        <BarMenu label={`${people.length} here`}>{list}</BarMenu>
      ) : (
        <>
          <span className="presence-count">{people.length} here</span>
          {list}
        </>
      )}
    </section>
  );
}

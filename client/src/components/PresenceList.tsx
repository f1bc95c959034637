import { usePresence } from '../sync/hooks.ts';

/** Who is here now, from presence: a person disappears when their last device leaves. */
export function PresenceList() {
  const people = usePresence();
  return (
    <section className="presence" aria-label="Who is here">
      <span className="presence-count">{people.length} here</span>
      <ul>
        {people.map((p) => (
          <li key={p.seatId} style={{ borderColor: p.user.color }} title={p.user.role === 'facilitator' ? 'Facilitator' : 'Participant'}>
            <span className="dot" style={{ background: p.user.color }} aria-hidden="true" />
            {p.user.name}
            {p.user.role === 'facilitator' && <span className="visually-hidden"> (facilitator)</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

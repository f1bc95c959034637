import { useEffect, useRef, useState } from 'react';
import type { SeatRow } from '@okr/shared/protocol';
import { useRoom } from '../sync/RoomContext.tsx';
import { useFacilitatorLinks } from '../sync/useFacilitatorLinks.ts';
import { useSeats } from './useSeats.ts';
import { seatLink } from './seatLink.ts';
import './people.css';

/** The facilitator's People screen: every seat of the room, to rename, merge or hand over. */
export function PeopleButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        People…
      </button>
      {open && <PeopleDialog onClose={() => setOpen(false)} />}
    </>
  );
}

type Action = { kind: 'rename' | 'merge' | 'handOver'; seatId: string } | null;

function PeopleDialog({ onClose }: { onClose: () => void }) {
  const room = useRoom();
  const dialog = useRef<HTMLDialogElement>(null);
  const { seats, error } = useSeats(room);
  const [action, setAction] = useState<Action>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const votingOpen = seats?.some((s) => s.voted !== null) ?? false;
  const here = seats?.filter((s) => s.connected).length ?? 0;
  const target = action && seats?.find((s) => s.id === action.seatId);
  return (
    <dialog ref={dialog} className="gate-dialog people-dialog" aria-labelledby="people-title" onClose={onClose}>
      <h2 id="people-title">People</h2>
      <p>
        Everyone who has a seat on this board: one seat per person, kept on their device. {seats && `${here} here now, ${seats.length} in all.`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {seats === null && !error && <p role="status">Loading…</p>}
      {seats && (
        <table className="people-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Here</th>
              {votingOpen && <th scope="col">Voted</th>}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {seats.map((seat) => (
              <tr key={seat.id} aria-label={seatLabel(seat)}>
                <th scope="row">{seat.name || <span className="muted">(no name yet)</span>}</th>
                <td>{seat.role === 'facilitator' ? 'Facilitator' : seat.role === 'participant' ? 'Participant' : '—'}</td>
                <td>{seat.connected ? (seat.devices > 1 ? `Online · ${seat.devices} devices` : 'Online') : <span className="muted">Away</span>}</td>
                {votingOpen && <td>{seat.voted ? 'Voted' : <span className="muted">Not yet</span>}</td>}
                <td className="people-actions">
                  <button type="button" aria-label={`Rename ${seat.name || 'this seat'}`} onClick={() => setAction({ kind: 'rename', seatId: seat.id })}>
                    Rename
                  </button>
                  <button
                    type="button"
                    aria-label={`Merge ${seat.name || 'this seat'} into another seat`}
                    disabled={seats.length < 2}
                    onClick={() => setAction({ kind: 'merge', seatId: seat.id })}
                  >
                    Merge…
                  </button>
                  <button type="button" aria-label={`Hand ${seat.name || 'this seat'} over to another device`} onClick={() => setAction({ kind: 'handOver', seatId: seat.id })}>
                    Hand over…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {action && target && seats && (
        <section className="people-action" aria-label={actionTitle(action.kind, target)}>
          {action.kind === 'rename' && <RenameSeat seat={target} onDone={() => setAction(null)} />}
          {action.kind === 'merge' && <MergeSeat seat={target} others={seats.filter((s) => s.id !== target.id)} onDone={() => setAction(null)} />}
          {action.kind === 'handOver' && <HandOverSeat seat={target} onDone={() => setAction(null)} />}
        </section>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}

function seatLabel(seat: SeatRow): string {
  return seat.name || 'Seat without a name';
}

function actionTitle(kind: 'rename' | 'merge' | 'handOver', seat: SeatRow): string {
  const name = seat.name || 'this seat';
  return kind === 'rename' ? `Rename ${name}` : kind === 'merge' ? `Merge ${name}` : `Hand over ${name}`;
}

/** Runs one seat op, keeping the server's refusal to show. */
function useSeatOp(): { busy: boolean; error: string | null; run: <T>(op: string, args: Record<string, unknown>) => Promise<T | undefined> } {
  const room = useRoom();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async <T,>(op: string, args: Record<string, unknown>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await room.requests.request<T>(op, args);
    } catch (err) {
      setError((err as Error).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function OpError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="error">
      {error}
    </p>
  ) : null;
}

function RenameSeat({ seat, onDone }: { seat: SeatRow; onDone: () => void }) {
  const [name, setName] = useState(seat.name);
  const { busy, error, run } = useSeatOp();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run('renameSeat', { seatId: seat.id, name }).then((done) => done && onDone());
      }}
    >
      <label>
        New name{' '}
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required autoFocus />
      </label>
      <p className="muted">Their screen shows the new name at once. They may still change it themselves later: it is their seat.</p>
      <OpError error={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={busy || !name.trim()}>
          Save name
        </button>
      </div>
    </form>
  );
}

function MergeSeat({ seat, others, onDone }: { seat: SeatRow; others: SeatRow[]; onDone: () => void }) {
  const [into, setInto] = useState(others[0]?.id ?? '');
  const { busy, error, run } = useSeatOp();
  const kept = others.find((s) => s.id === into);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void run('mergeSeats', { from: seat.id, into }).then((done) => done && onDone());
      }}
    >
      <label>
        Someone who joined twice: keep the seat{' '}
        <select value={into} onChange={(e) => setInto(e.target.value)}>
          {others.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || '(no name yet)'}
              {s.connected ? '' : ' (away)'}
            </option>
          ))}
        </select>
      </label>
      <p>
        <strong>{seat.name || 'This seat'}</strong> then becomes <strong>{kept?.name || 'the kept seat'}</strong> on every device that holds it. Their votes count once,
        as the kept seat’s: where both seats voted in the same round, only the later ballot counts; on a confidence vote, the kept seat’s own vote counts (the other’s only if it had none).
        Merging cannot be undone.
      </p>
      <OpError error={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" disabled={busy || !into}>
          Merge into {kept?.name || 'the kept seat'}
        </button>
      </div>
    </form>
  );
}

function HandOverSeat({ seat, onDone }: { seat: SeatRow; onDone: () => void }) {
  const room = useRoom();
  const links = useFacilitatorLinks();
  const { busy, error, run } = useSeatOp();
  const [link, setLink] = useState<string | null>(null);
  const participantUrl = links?.participantUrl ?? (room.access.kind === 'viewer' ? '' : `${location.origin}/r/${room.access.roomId}`);
  const name = seat.name || 'this seat';
  if (link) {
    return (
      <div>
        <label>
          Seat link for {name}{' '}
          <input className="seat-link" readOnly value={link} onFocus={(e) => e.target.select()} />
        </label>
        <p>
          Send this link to {name} only, and have them open it on their new device: that device then holds {name}’s seat, votes included. Whoever opens it gets the seat,
          and the link keeps working, as does the old device. Do not show it on the projector.
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={() => void navigator.clipboard?.writeText(link).catch(() => undefined)}>
            Copy link
          </button>
          <button type="button" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <p>Makes a link that gives {name}’s seat to another device (a new phone, a borrowed laptop).</p>
      <OpError error={error} />
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button
          type="button"
          disabled={busy || !participantUrl}
          onClick={() => void run<{ secret: string }>('handOverSeat', { seatId: seat.id }).then((r) => r && setLink(seatLink(participantUrl, r.secret)))}
        >
          Make a seat link
        </button>
      </div>
    </div>
  );
}

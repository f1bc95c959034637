import { useState } from 'react';
import { useRoom } from '../sync/RoomContext.tsx';
import { useIdentity } from '../state/identity.ts';

/**
 * This person's own chip in the people list, and the way to change their name in the room: it
 * names their seat, so it wins over an earlier rename by the facilitator (it is their seat), and
 * becomes the device's name for boards joined later.
 */
export function MyName({ name }: { name: string }) {
  const room = useRoom();
  const setSavedName = useIdentity((s) => s.setName);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(name);
  const [error, setError] = useState<string | null>(null);
  if (!editing) {
    return (
      <button type="button" className="my-name" aria-label={`${name} (you): change my name`} onClick={() => (setDraft(name), setEditing(true))}>
        {name} <span className="muted">(you)</span>
      </button>
    );
  }
  return (
    <form
      className="my-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        const next = draft.trim();
        room.requests
          .request<{ name: string }>('nameMySeat', { name: next })
          .then((seat) => {
            // The server's spelling: what the room sees (cleanName).
            setSavedName(seat.name);
            setEditing(false);
            setError(null);
          })
          .catch((err: Error) => setError(err.message));
      }}
    >
      <label>
        <span className="visually-hidden">My name</span>
        <input value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={60} required autoFocus />
      </label>
      <button type="submit" disabled={!draft.trim()}>
        Save
      </button>
      <button type="button" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useIdentity } from '../state/identity.ts';

/**
 * Asks for a display name once per device; the name is remembered for the next board. Names the
 * workshop being joined once the server has said which it is.
 */
export function JoinForm({ facilitator, title }: { facilitator: boolean; title: string | null }) {
  const setName = useIdentity((s) => s.setName);
  const [name, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) setName(name);
  };
  return (
    <main className="page-center">
      <h1>{facilitator ? 'Facilitate this workshop' : 'Join the workshop'}</h1>
      {title && <p className="join-title">{title}</p>}
      <form onSubmit={submit} className="stack">
        <label>
          Your name
          <input value={name} onChange={(e) => setDraft(e.target.value)} maxLength={60} autoFocus required placeholder="How the others will see you" />
        </label>
        <button type="submit" className="primary" disabled={name.trim() === ''}>
          Join the board
        </button>
      </form>
    </main>
  );
}

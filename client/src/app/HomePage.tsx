import { useState, type FormEvent } from 'react';
import { useIdentity } from '../state/identity.ts';
import { useMyWorkshops } from '../state/myWorkshops.ts';
import { markJustCreated } from './justCreated.ts';
import { MyWorkshopList } from './MyWorkshopList.tsx';

type CreatedRoom = { roomId: string; facilitatorKey: string; facilitatorUrl: string };

const UNREACHABLE = 'The board’s server could not be reached, so no workshop was created. Check your network connection (or that the server is running) and try again.';

/** Start a workshop: the creator lands on the board as its facilitator. */
export function HomePage() {
  const savedName = useIdentity((s) => s.name);
  const setSavedName = useIdentity((s) => s.setName);
  const remember = useMyWorkshops((s) => s.remember);
  const [title, setTitle] = useState('');
  const [name, setName] = useState(savedName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Asked for only once the server says it needs one (CREATE_ROOM_TOKEN).
  const [needsToken, setNeedsToken] = useState(false);
  const [token, setToken] = useState('');

  async function create(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // A network failure ("Failed to fetch") or a proxy's HTML error page says nothing a facilitator can act on.
      const res = await fetch('/api/rooms', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token.trim() ? { Authorization: `Bearer ${token.trim()}` } : {}) },
        body: JSON.stringify({ title: title.trim() || undefined }),
      }).catch(() => {
        throw new Error(UNREACHABLE);
      });
      const body = (await res.json().catch(() => {
        throw new Error(`The server answered ${res.status} without saying why, so no workshop was created. Try again in a minute; if it keeps failing, tell whoever runs this server.`);
      })) as CreatedRoom & { error?: string; message?: string };
      if (body.error === 'create_token_required') {
        setNeedsToken(true);
        throw new Error(token.trim() ? 'That room-creation token is not right; check it with whoever runs this server.' : 'This server asks for a room-creation token: enter the one you were given.');
      }
      if (!res.ok) throw new Error(body.message ?? `The server answered ${res.status}.`);
      setSavedName(name);
      // Listed on this device's home page, so closing the browser does not lose the board.
      remember({ roomId: body.roomId, facilitatorKey: body.facilitatorKey, title: title.trim() || 'OKR workshop' });
      markJustCreated(body.roomId);
      const url = new URL(body.facilitatorUrl);
      location.assign(`${url.pathname}${url.hash}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <main className="page-center home">
      <h1>OKR workshop board</h1>
      <p className="lead">Run a team's OKR workshop from strategic context to SMART key results, live, in the room and remote at once.</p>
      <form onSubmit={create} className="stack">
        <label>
          Workshop title
          <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Q3 OKRs – Checkout team" maxLength={200} autoFocus />
        </label>
        <label>
          Your name
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Ana" maxLength={60} required />
        </label>
        {needsToken && (
          <label>
            Room-creation token
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" required />
          </label>
        )}
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {busy ? 'Creating…' : 'Create workshop'}
        </button>
        {error && <p role="alert" className="error">{error}</p>}
      </form>
      <MyWorkshopList />
    </main>
  );
}

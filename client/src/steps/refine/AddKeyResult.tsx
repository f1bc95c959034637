import { useRef, useState, type FormEvent } from 'react';
import { useAddShortcut } from '../../components/useAddShortcut.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useControl } from '../../sync/hooks.ts';
import { useIdentity } from '../../state/identity.ts';
import { useUnsaved } from '../../components/useUnsaved.ts';
import { useDrafts } from '../../drafts/draftStore.ts';
import { draftRoomKey } from '../../drafts/roomKey.ts';

/** A key result the room only thinks of while refining; N focuses it. */
export function AddKeyResult() {
  const room = useRoom();
  const me = useIdentity((s) => s.id);
  const { anonymous } = useControl();
  const key = draftRoomKey(room.access);
  const [title, setTitle] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useUnsaved(title.trim() !== '');

  useAddShortcut(ref);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const text = title.replace(/\s+/g, ' ').trim();
    if (!text) return;
    // On an anonymous board the server publishes it, unsigned, with others (see useDraftPublisher).
    if (anonymous && key) useDrafts.getState().addDraft(key, 'brainstorm', text);
    else room.board.addKeyResult({ title: text.slice(0, 500), authorId: me });
    setTitle('');
  };

  return (
    <form className="add-card add-kr" onSubmit={add} aria-label="Add key result">
      <label className="grow">
        New key result
        <input
          ref={ref}
          value={title}
          maxLength={500}
          onChange={(e) => setTitle(e.target.value)}
          onKeyDown={(e) => e.key === 'Escape' && setTitle('')}
          placeholder="e.g. Checkout conversion rate from 58% to 65% by 30 Sep (press N)"
        />
      </label>
      <button type="submit" className="primary" disabled={!title.trim()}>
        Add key result
      </button>
    </form>
  );
}

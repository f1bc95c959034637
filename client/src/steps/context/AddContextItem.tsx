import { useRef, useState, type FormEvent } from 'react';
import { useAddShortcut } from '../../components/useAddShortcut.ts';
import { CONTEXT_KINDS, CONTEXT_KIND_LABELS, type ContextKind } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useUnsaved } from '../../components/useUnsaved.ts';
import { useNewNotePlace } from '../../canvas/useNewNotePlace.ts';
import { layoutCardsOf } from '../../canvas/layoutCards.ts';

/** The add form; N focuses it from anywhere on the board. */
export function AddContextItem() {
  const room = useRoom();
  const [kind, setKind] = useState<ContextKind>('mission');
  const [text, setText] = useState('');
  const [link, setLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textRef = useRef<HTMLInputElement>(null);
  useUnsaved(text.trim() !== '');
  const place = useNewNotePlace('context', layoutCardsOf('context'));

  useAddShortcut(textRef);

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      room.board.addContextItem({ kind, text: text.trim(), link: link.trim() || undefined, pos: place() });
      setText('');
      setLink('');
      setError(null);
      textRef.current?.focus();
    } catch {
      setError('The link must be a full address, such as https://wiki.example.com/strategy.');
    }
  };

  return (
    <form className="add-card" onSubmit={add} aria-label="Add context">
      <label>
        Kind
        <select value={kind} onChange={(e) => setKind(e.target.value as ContextKind)}>
          {CONTEXT_KINDS.map((k) => (
            <option key={k} value={k}>
              {CONTEXT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        Context
        <input ref={textRef} value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} placeholder="e.g. Become the easiest checkout in Europe (press N)" />
      </label>
      <label>
        Link (optional)
        <input value={link} onChange={(e) => setLink(e.target.value)} type="url" placeholder="https://…" />
      </label>
      <button type="submit" className="primary" disabled={!text.trim()}>
        Add context
      </button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}

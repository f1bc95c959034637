import { useRef, useState, type FormEvent } from 'react';
import { useAddShortcut } from '../components/useAddShortcut.ts';
import { ORIGIN } from '@okr/shared/doc';
import type { PrivateWritingStep } from '@okr/shared/schema';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { useIdentity } from '../state/identity.ts';
import { useUnsaved } from '../components/useUnsaved.ts';
import { useDrafts } from './draftStore.ts';
import { draftRoomKey } from './roomKey.ts';
import { writeCards } from './writeCards.ts';
import { useNewNotePlace } from '../canvas/useNewNotePlace.ts';
import { layoutCardsOf } from '../canvas/layoutCards.ts';
import { isPrivateWriting } from '@okr/shared/workshop';

type Props = {
  step: PrivateWritingStep;
  /** The text box's label, e.g. "Candidate objective". */
  label: string;
  placeholder: string;
};

/**
 * The add box of a writing step. While writing is private a card becomes a draft on this device;
 * once writing is open it goes straight to the board. N focuses it; Enter adds.
 */
export function AddCard({ step, label, placeholder }: Props) {
  const room = useRoom();
  const control = useControl();
  const privateOn = isPrivateWriting(control, step);
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  useUnsaved(text.trim() !== '');

  useAddShortcut(inputRef);

  const key = draftRoomKey(room.access);
  const place = useNewNotePlace(step, layoutCardsOf(step));
  if (!key) return null;

  const add = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    // On an anonymous board even an open step's card goes through the server (as a draft it
    // hands over at once), so neither its Yjs id nor its timing says who wrote it.
    if (room.control.isPrivateWriting(step) || room.control.state().anonymous) {
      useDrafts.getState().addDraft(key, step, value);
    } else {
      const me = useIdentity.getState();
      const ids = writeCards(room.board, step, [{ text: value, pos: place() }], { id: me.id, name: me.name }, ORIGIN.user);
      useDrafts.getState().rememberMine(key, ids);
    }
    setText('');
    inputRef.current?.focus();
  };

  return (
    <form className="add-card add-draft" onSubmit={add} aria-label={`Add ${label.toLowerCase()}`}>
      <label className="grow">
        {label}
        <input ref={inputRef} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} placeholder={placeholder} />
      </label>
      <button type="submit" className="primary" disabled={!text.trim()}>
        {privateOn ? 'Add draft' : 'Add to board'}
      </button>
      <p className="add-hint muted">
        {privateOn
          ? 'Private: only you see your drafts until the facilitator reveals them. Press N to write, Enter to add.'
          : control.anonymous
            ? 'Writing is open: new cards reach the board unsigned within a few seconds, mixed with others.'
            : 'Writing is open: new cards go straight to the board.'}
      </p>
    </form>
  );
}

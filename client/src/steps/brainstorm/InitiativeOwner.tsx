import { useId, useState, type KeyboardEvent } from 'react';
import type { Initiative } from '@okr/shared/schema';
import { parseOwnerInput, readOwnerFields, type OwnerFields } from '@okr/shared/workshop';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useUnsaved } from '../../components/useUnsaved.ts';

type Field = 'name' | 'email';

/**
 * The initiative's owner as a name and an email, each saved when left or on Enter; Esc puts the saved
 * value back. "Ana Lima <ana@example.com>" typed as the name saves as both.
 */
export function InitiativeOwner({ initiative }: { initiative: Initiative }) {
  const room = useRoom();
  const id = useId();
  const saved: Record<Field, string> = { name: initiative.ownerName ?? '', email: initiative.ownerEmail ?? '' };
  const [drafts, setDrafts] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const value = (field: Field) => drafts[field] ?? saved[field];
  useUnsaved((Object.keys(drafts) as Field[]).some((field) => drafts[field]?.trim() !== saved[field]));

  const write = (owner: OwnerFields) => {
    if (!room.board.initiatives.has(initiative.id)) return;
    room.board.update(room.board.initiatives, initiative.id, owner);
  };

  const save = (field: Field) => {
    const draft = drafts[field];
    if (draft === undefined) return;
    if (field === 'name') {
      const typed = parseOwnerInput(draft);
      // An address typed with the name fills the email too; a plain name leaves the email alone.
      if (typed.ownerEmail) write({ ownerName: typed.ownerName, ownerEmail: typed.ownerEmail });
      else if ((typed.ownerName ?? '') !== saved.name) write({ ownerName: typed.ownerName?.slice(0, 120) });
    } else {
      const read = readOwnerFields('', draft);
      if (!read.ok) {
        setError(read.error);
        return;
      }
      if ((read.owner.ownerEmail ?? '') !== saved.email) write({ ownerEmail: read.owner.ownerEmail });
    }
    setError(null);
    setDrafts(({ [field]: _done, ...rest }) => rest);
  };

  const onKeyDown = (field: Field) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      save(field);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setError(null);
      setDrafts(({ [field]: _dropped, ...rest }) => rest);
    }
  };

  const input = (field: Field) => ({
    value: value(field),
    onChange: (e: { target: { value: string } }) => setDrafts((current) => ({ ...current, [field]: e.target.value })),
    onBlur: () => save(field),
    onKeyDown: onKeyDown(field),
    autoComplete: 'off',
  });

  return (
    <div className="owner-fields">
      <label className="owner-field">
        Owner
        <input {...input('name')} maxLength={200} placeholder="Who drives it" aria-label={`Owner of "${initiative.title}"`} />
      </label>
      <label className="owner-field">
        Owner email
        <input
          {...input('email')}
          type="email"
          maxLength={254}
          placeholder="OKR tools match by it"
          aria-label={`Owner email of "${initiative.title}"`}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </label>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}

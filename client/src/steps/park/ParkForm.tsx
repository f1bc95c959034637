import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { parseOwnerInput, readOwnerFields } from '@okr/shared/workshop';
import { useUnsaved } from '../../components/useUnsaved.ts';

export type ParkFields = { text: string; reason: string; ownerName?: string; ownerEmail?: string; revisitDate?: string };

type Props = {
  /** The form's accessible name, e.g. `Park "Grow repeat purchases"`. */
  label: string;
  /** Shown for something new or an edit; a candidate being parked keeps its own text. */
  withText: boolean;
  initial?: Partial<ParkFields>;
  submitLabel: string;
  onSubmit: (fields: ParkFields) => void;
  onCancel: () => void;
  className?: string;
  /** A visible line above the fields, e.g. the card being parked. */
  heading?: string;
};

/** Reason (required), optional owner (name and email) and revisit date; Enter saves, Esc cancels. */
export function ParkForm({ label, withText, initial, submitLabel, onSubmit, onCancel, className = '', heading }: Props) {
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [owner, setOwner] = useState(initial?.ownerName ?? '');
  const [email, setEmail] = useState(initial?.ownerEmail ?? '');
  const [revisit, setRevisit] = useState(initial?.revisitDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useUnsaved(text !== (initial?.text ?? '') || reason !== (initial?.reason ?? '') || owner !== (initial?.ownerName ?? '') || email !== (initial?.ownerEmail ?? ''));

  // "Ana Lima <ana@example.com>" typed in the name box: the address moves to the email box as you leave it.
  const splitOwner = () => {
    const typed = parseOwnerInput(owner);
    if (!typed.ownerEmail || email.trim()) return;
    setOwner(typed.ownerName ?? '');
    setEmail(typed.ownerEmail);
  };

  useEffect(() => {
    first.current?.focus();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (withText && !text.trim()) {
      setError('Say what is parked.');
      return;
    }
    if (!reason.trim()) {
      setError('Give a reason: the parking lot keeps why, so nobody has to ask again.');
      return;
    }
    const ownerFields = readOwnerFields(owner, email);
    if (!ownerFields.ok) {
      setError(ownerFields.error);
      return;
    }
    try {
      onSubmit({
        text: text.trim(),
        reason: reason.trim(),
        ...ownerFields.owner,
        ...(revisit ? { revisitDate: revisit } : {}),
      });
    } catch (err) {
      setError(err instanceof Error ? err.message : 'That did not save: try again.');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <form className={`park-form ${className}`} aria-label={label} onSubmit={submit} onKeyDown={onKeyDown} noValidate>
      {heading && <p className="park-form-heading">{heading}</p>}
      {withText && (
        <label>
          What
          <input ref={first} value={text} onChange={(e) => setText(e.target.value)} maxLength={500} placeholder="Something that matters, not this quarter" />
        </label>
      )}
      <label>
        Reason
        <input
          ref={withText ? undefined : first}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder="Why not this quarter"
          aria-invalid={Boolean(error && !reason.trim())}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </label>
      <div className="park-form-optional">
        <label>
          Owner (optional)
          <input value={owner} onChange={(e) => setOwner(e.target.value)} onBlur={splitOwner} maxLength={200} placeholder="Who keeps an eye on it" autoComplete="off" />
        </label>
        <label>
          Owner email (optional)
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            maxLength={254}
            placeholder="OKR tools match by it"
            autoComplete="off"
            aria-invalid={Boolean(error && email.trim() && !readOwnerFields('', email).ok)}
            aria-describedby={error ? `${id}-error` : undefined}
          />
        </label>
        <label>
          Revisit on (optional)
          <input type="date" value={revisit} onChange={(e) => setRevisit(e.target.value)} />
        </label>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" className="primary">
          {submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

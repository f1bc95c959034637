import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useUnsaved } from '../../components/useUnsaved.ts';

export type ParkFields = { text: string; reason: string; ownerName?: string; revisitDate?: string };

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

/** Reason (required), optional owner and revisit date; Enter saves, Esc cancels. */
export function ParkForm({ label, withText, initial, submitLabel, onSubmit, onCancel, className = '', heading }: Props) {
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [owner, setOwner] = useState(initial?.ownerName ?? '');
  const [revisit, setRevisit] = useState(initial?.revisitDate ?? '');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useUnsaved(text !== (initial?.text ?? '') || reason !== (initial?.reason ?? '') || owner !== (initial?.ownerName ?? ''));

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
    try {
      onSubmit({
        text: text.trim(),
        reason: reason.trim(),
        ...(owner.trim() ? { ownerName: owner.trim() } : {}),
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
          <input value={owner} onChange={(e) => setOwner(e.target.value)} maxLength={120} placeholder="Who keeps an eye on it" />
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

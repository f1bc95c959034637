import { useId, useState, type InputHTMLAttributes, type KeyboardEvent, type ReactNode } from 'react';
import { useUnsaved } from '../../components/useUnsaved.ts';
import type { Parsed } from './fieldParsing.ts';

type SavingInputProps<T> = {
  label: string;
  /** The value in the document; shown whenever this device is not mid-edit. */
  value: T | undefined;
  format?: (value: T | undefined) => string;
  parse: (text: string) => Parsed<T>;
  /** Writes the value; may throw (e.g. the card was deleted meanwhile), which shows as the field's error. */
  save: (value: T | undefined) => void;
  hint?: ReactNode;
  className?: string;
  input?: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'onKeyDown' | 'id'>;
  /** A text area that grows with its text (Enter still saves): for a title that must not be cut off on a phone. */
  multiline?: boolean;
};

const asText = (value: unknown): string => (value === undefined || value === null ? '' : String(value));

/**
 * One field that saves as you go: on blur or Enter, only when it changed. Invalid text stays in the
 * box with the reason beside it and nothing is written; Esc goes back to the saved value. While this
 * device is not editing the field, it shows the document's value live.
 */
export function SavingInput<T>({ label, value, format = asText, parse, save, hint, className, input, multiline = false }: SavingInputProps<T>) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const saved = format(value);
  // Half-typed text keeps this person on the step if the group moves on.
  useUnsaved(draft !== null && draft !== saved);

  const commit = (element: HTMLInputElement | HTMLTextAreaElement) => {
    if (draft === null) return;
    // A half-typed date reads as "" to scripts; it must not clear the saved one.
    if (element.validity.badInput) {
      setError('That is not a complete value — finish it, or clear the field.');
      return;
    }
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    try {
      if (format(parsed.value) !== saved) save(parsed.value);
      setDraft(null);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : 'Could not save this field.');
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit(event.currentTarget);
    } else if (event.key === 'Escape' && (draft !== null || error !== null)) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  };

  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          rows={1}
          maxLength={input?.maxLength}
          placeholder={input?.placeholder}
          value={draft ?? saved}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={(event) => commit(event.currentTarget)}
          onKeyDown={onKeyDown}
        />
      ) : (
        <input
          {...input}
          id={id}
          value={draft ?? saved}
          aria-invalid={error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={(event) => commit(event.currentTarget)}
          onKeyDown={onKeyDown}
        />
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="error field-error" role="alert">
          {error} Nothing was saved.
        </p>
      )}
    </div>
  );
}

type SavingSelectProps<T extends string> = {
  label: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  /** Shown for "not set"; choosing it clears the field. */
  emptyLabel?: string;
  save: (value: T | undefined) => void;
  className?: string;
};

/** A choice that saves on change. */
export function SavingSelect<T extends string>({ label, value, options, emptyLabel = 'Not set', save, className }: SavingSelectProps<T>) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          try {
            save(event.target.value === '' ? undefined : (event.target.value as T));
            setError(null);
          } catch (err) {
            setError(err instanceof Error ? err.message : 'Could not save this choice.');
          }
        }}
      >
        <option value="">{emptyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-error`} className="error field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A read-only field: label and value, for read-only and projector views. */
export function Fact({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`fact${className ? ` ${className}` : ''}`}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

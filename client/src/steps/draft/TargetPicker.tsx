import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

type CardOption = { id: string; text: string };

/** Escape closes a picker without choosing. */
export function escapeCancels(onCancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
}

/** A labelled list of the other cards, long texts shortened so the list stays readable. */
export function CardSelect({ label, value, options, onChange, selectRef }: { label: string; value: string; options: readonly CardOption[]; onChange: (id: string) => void; selectRef: RefObject<HTMLSelectElement> }) {
  return (
    <label>
      {label}
      <select ref={selectRef} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.text.length > 90 ? `${o.text.slice(0, 88)}…` : o.text}
          </option>
        ))}
      </select>
    </label>
  );
}

type Props = {
  /** "Group with" or "Merge into". */
  verb: string;
  action: string;
  subject: string;
  options: readonly CardOption[];
  onPick: (id: string) => void;
  onCancel: () => void;
};

/** The plain-controls way to pick another card: a list to choose from, then one button. */
export function TargetPicker({ verb, action, subject, options, onPick, onCancel }: Props) {
  const [target, setTarget] = useState(options[0]?.id ?? '');
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const onKeyDown = escapeCancels(onCancel);
  return (
    <div className="target-picker" role="group" aria-label={`${verb} "${subject}"`} onKeyDown={onKeyDown}>
      {options.length === 0 ? (
        <p className="muted">There is no other card to choose.</p>
      ) : (
        <CardSelect label={verb} value={target} options={options} onChange={setTarget} selectRef={ref} />
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!target} onClick={() => target && onPick(target)}>
          {action}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

type Props = {
  /** "Group with" or "Merge into". */
  verb: string;
  action: string;
  subject: string;
  options: readonly { id: string; text: string }[];
  note?: string;
  onPick: (id: string) => void;
  onCancel: () => void;
};

/** The plain-controls way to pick another card: a list to choose from, then one button. */
export function TargetPicker({ verb, action, subject, options, note, onPick, onCancel }: Props) {
  const [target, setTarget] = useState(options[0]?.id ?? '');
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="target-picker" role="group" aria-label={`${verb} "${subject}"`} onKeyDown={onKeyDown}>
      {options.length === 0 ? (
        <p className="muted">There is no other card to choose.</p>
      ) : (
        <label>
          {verb}
          <select ref={ref} value={target} onChange={(e) => setTarget(e.target.value)}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.text.length > 90 ? `${o.text.slice(0, 88)}…` : o.text}
              </option>
            ))}
          </select>
        </label>
      )}
      {note && <p className="muted picker-note">{note}</p>}
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

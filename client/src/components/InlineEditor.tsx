import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useUnsaved } from './useUnsaved.ts';

type Props = {
  initial: string;
  label: string;
  onSave: (text: string) => void;
  onCancel: () => void;
  maxLength?: number;
  placeholder?: string;
};

/** A text box for one card: Enter saves, Shift+Enter breaks the line, Esc cancels. */
export function InlineEditor({ initial, label, onSave, onCancel, maxLength = 500, placeholder }: Props) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useUnsaved(text.trim() !== initial.trim());
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (text.trim()) onSave(text.trim());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <div className="inline-editor">
      <textarea
        ref={ref}
        aria-label={label}
        value={text}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        rows={2}
      />
      <div className="row">
        <button type="button" className="primary" onClick={() => text.trim() && onSave(text.trim())} disabled={!text.trim()}>
          Save
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

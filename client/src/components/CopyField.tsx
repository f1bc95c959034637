import { useCopy } from './useCopy.ts';

/** A read-only link with its own Copy button, named by `label` for screen readers and tests. */
export function CopyField({ label, value }: { label: string; value: string }) {
  const { copied, copy } = useCopy();
  return (
    <div className="copy-field">
      <label>
        {label}
        <input readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" aria-label={`Copy ${label.toLowerCase()}`} onClick={() => void copy(value)}>
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  );
}

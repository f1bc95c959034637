import { useOverwrites, type OverwriteNotice } from '../sync/useOverwrites.ts';
import './overwriteNotices.css';

const FIELD_LABELS: Record<string, string> = {
  ownerName: 'owner',
  ownerEmail: "owner's email",
  metricName: 'metric',
  leadLag: 'leading or lagging',
};

/** "Ben's change replaced your target 65 → 70 · Restore mine": an edit that lost a conflict never vanishes silently. */
export function OverwriteNotices() {
  const { notices, restore, dismiss } = useOverwrites();
  if (notices.length === 0) return null;
  return (
    <section className="overwrite-notices" aria-label="Your replaced edits">
      {notices.map((notice) => (
        <p key={notice.key} className="overwrite-notice" role="status">
          <span>{describe(notice)}</span>
          <button type="button" onClick={() => restore(notice)}>
            Restore mine
          </button>
          <button type="button" onClick={() => dismiss(notice.key)}>
            Dismiss
          </button>
          {notice.error && <span className="error">{notice.error}</span>}
        </p>
      ))}
    </section>
  );
}

function describe({ overwrite, byName }: OverwriteNotice): string {
  const who = byName ? `${byName}'s` : "Someone else's";
  const field = FIELD_LABELS[overwrite.field] ?? overwrite.field.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return `${who} change replaced your ${field} ${show(overwrite.mine)} → ${show(overwrite.theirs)}`;
}

function show(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  return typeof value === 'string' ? `“${value}”` : String(value);
}

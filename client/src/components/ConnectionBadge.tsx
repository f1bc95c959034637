import { useConnectionStatus } from '../sync/hooks.ts';

/** Each state's word, then the rest of its sentence: a phone's header shows the word alone (the banner below says the rest). */
const LABELS = {
  connecting: ['Connecting…', ''],
  connected: ['Connected', ''],
  reconnecting: ['Reconnecting…', ' your edits are kept and will sync'],
  offline: ['Offline', ': your edits are kept and sync when you are back'],
} as const;

export function ConnectionBadge() {
  const status = useConnectionStatus();
  const [word, rest] = LABELS[status];
  return (
    <span className={`connection connection-${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="connection-word">{word}</span>
      {rest && <span className="connection-rest">{rest}</span>}
    </span>
  );
}

/**
 * The same news pinned to the bottom of the window while the connection is lost: the badge sits in
 * the header, out of sight for someone scrolled down to a key result's fields, who would otherwise
 * keep typing without knowing nobody sees it yet. Hidden from screen readers: the badge announces it.
 */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  if (status !== 'offline' && status !== 'reconnecting') return null;
  return (
    <p className={`connection-banner connection-banner-${status}`} aria-hidden="true">
      {LABELS[status].join('')}
    </p>
  );
}

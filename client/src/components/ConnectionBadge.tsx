import { useConnectionStatus } from '../sync/hooks.ts';

const LABELS = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting… your edits are kept and will sync',
  offline: 'Offline: your edits are kept and sync when you are back',
} as const;

export function ConnectionBadge() {
  const status = useConnectionStatus();
  return (
    <span className={`connection connection-${status}`} role="status" aria-live="polite" data-status={status}>
      {LABELS[status]}
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
      {LABELS[status]}
    </p>
  );
}

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

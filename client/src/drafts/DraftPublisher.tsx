import { useDraftPublisher } from './useDraftPublisher.ts';

/**
 * Mounted once per open board (BoardShell, once the board is up), so a device that comes back
 * online after a reveal publishes its drafts whatever step the group is on, or whichever view is on screen.
 */
export function DraftPublisher() {
  useDraftPublisher();
  return null;
}

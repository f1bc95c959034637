import { useDraftPublisher } from './useDraftPublisher.ts';

/**
 * Mount once per open board (e.g. in BoardShell) so a device that comes back online after a
 * reveal publishes its drafts whatever step the group is on. The writing steps mount it too.
 */
export function DraftPublisher() {
  useDraftPublisher();
  return null;
}

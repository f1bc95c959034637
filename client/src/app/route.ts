import type { Access } from '../sync/roomConnection.ts';

export type Route = { page: 'home' } | { page: 'board'; access: Access } | { page: 'not-found' };

const ID = '[A-Za-z0-9_-]{22,64}';

/** `/`, `/r/<roomId>` (with `#key=<facilitatorKey>` for the facilitator, `#join=<participantKey>` once the participant link was rotated) and `/v/<viewerKey>`. */
export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const room = new RegExp(`^/r/(${ID})/?$`).exec(pathname);
  if (room?.[1]) {
    const fragment = new URLSearchParams(hash.replace(/^#/, ''));
    const key = fragment.get('key');
    const join = fragment.get('join');
    if (key) return { page: 'board', access: { kind: 'facilitator', roomId: room[1], key } };
    return { page: 'board', access: join ? { kind: 'participant', roomId: room[1], key: join } : { kind: 'participant', roomId: room[1] } };
  }
  const viewer = new RegExp(`^/v/(${ID})/?$`).exec(pathname);
  if (viewer?.[1]) return { page: 'board', access: { kind: 'viewer', viewerKey: viewer[1] } };
  return { page: 'not-found' };
}

/**
 * The seat secret of a seat link (`/r/<roomId>#seat=<secret>`, what the facilitator hands over to
 * move someone's seat to another device), or null. In the fragment, so it never reaches a server log.
 */
export function seatFromFragment(hash: string): string | null {
  const seat = new URLSearchParams(hash.replace(/^#/, '')).get('seat');
  return seat !== null && new RegExp(`^${ID}$`).test(seat) ? seat : null;
}

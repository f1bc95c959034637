import type { Access } from '../sync/roomConnection.ts';

export type Route = { page: 'home' } | { page: 'board'; access: Access } | { page: 'not-found' };

const ID = '[A-Za-z0-9_-]{22,64}';

/** `/`, `/r/<roomId>` (with `#key=<facilitatorKey>` for the facilitator) and `/v/<viewerKey>`. */
export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  const room = new RegExp(`^/r/(${ID})/?$`).exec(pathname);
  if (room?.[1]) {
    const key = new URLSearchParams(hash.replace(/^#/, '')).get('key');
    return key ? { page: 'board', access: { kind: 'facilitator', roomId: room[1], key } } : { page: 'board', access: { kind: 'participant', roomId: room[1] } };
  }
  const viewer = new RegExp(`^/v/(${ID})/?$`).exec(pathname);
  if (viewer?.[1]) return { page: 'board', access: { kind: 'viewer', viewerKey: viewer[1] } };
  return { page: 'not-found' };
}

import type { Access } from '../sync/roomConnection.ts';
import { adoptSeatSecret } from '../sync/seatSecret.ts';
import { parseRoute, seatFromFragment, type Route } from './route.ts';

/** What the page keeps in its history entry instead of the address bar: survives a reload, never shown or shared. */
type KeptLink = { okrAccess?: Access };

function sameBoard(a: Access, b: Access): boolean {
  return a.kind !== 'viewer' && b.kind !== 'viewer' && a.roomId === b.roomId;
}

/**
 * The page's route, with any key taken out of the address bar as soon as it is read: a facilitator
 * presenting their own screen must not show the room their key. The key moves into the history
 * entry's state, so a reload (or Back) still opens the board with the same rights.
 * Example: `/r/abc#key=K` reads as the facilitator of abc and leaves `/r/abc` in the address bar.
 * `/r/abc#seat=S` (a seat handed over) keeps S as this device's seat secret for abc, and leaves `/r/abc`.
 */
export function routeFromAddress(): Route {
  const route = parseRoute(location.pathname, location.hash);
  if (route.page !== 'board' || route.access.kind === 'viewer') return route;
  const kept = (history.state as KeptLink | null)?.okrAccess;
  // A seat link (the facilitator's hand-over): this device takes the seat, and the secret leaves the address bar.
  const seat = seatFromFragment(location.hash);
  if (seat) adoptSeatSecret(route.access.roomId, seat);
  const fromFragment = route.access.kind === 'facilitator' || route.access.key !== undefined || seat !== null;
  if (fromFragment) {
    history.replaceState({ ...(history.state as object | null), okrAccess: route.access }, '', `${location.pathname}${location.search}`);
    return route;
  }
  return kept && sameBoard(kept, route.access) ? { page: 'board', access: kept } : route;
}

/** Drops the key this page kept for its board and re-reads the route: "join as a participant instead". */
export function openWithoutKeptKey(event: { preventDefault: () => void }): void {
  event.preventDefault();
  history.replaceState(null, '', location.pathname);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

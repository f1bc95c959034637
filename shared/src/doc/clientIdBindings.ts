import type * as Y from 'yjs';
import { ORIGIN } from './origins.ts';

/** The owner the server's own Yjs client ids are bound to (upgrades, restores, what it publishes). */
export const SERVER_OWNER = 'server';

/**
 * Which seat (or the server) each Yjs client id of a room belongs to, kept in the room's
 * server-private document beside the seats, so a restart does not let anyone claim Ana's id
 * before she comes back. Only the server writes it, under ORIGIN.server.
 */
export class ClientIdBindings {
  private readonly owners: Y.Map<string>;

  constructor(readonly ydoc: Y.Doc) {
    this.owners = ydoc.getMap('clientIds');
  }

  ownerOf(clientId: number): string | undefined {
    return this.owners.get(String(clientId));
  }

  bind(clientId: number, owner: string): void {
    this.ydoc.transact(() => this.owners.set(String(clientId), owner), ORIGIN.server);
  }
}

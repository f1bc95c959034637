import { MalformedPresenceError, type PresenceEntry } from './presence.ts';

/** A stock client owns one presence id per connection; a few more allow for tabs sharing one socket in other clients. */
export const MAX_PRESENCE_IDS_PER_CONNECTION = 4;

/** What awareness knows of a presence id: its last clock (0 if never seen) and whether it is shown. */
export type KnownPresence = (clientId: number) => { clock: number; shown: boolean };

/**
 * Which peer last set each presence id, and the ids each peer owns, kept together. Only an id's
 * owner may clear it, and its owner's departure clears it.
 */
export class PresenceOwners<P> {
  private readonly ownerOf = new Map<number, P>();
  private readonly idsOf = new Map<P, Set<number>>();

  /**
   * The entries of `peer`'s update that may be applied, claiming the ids it sets. Only entries
   * that change something count: stock clients echo everyone's presence back, at the clock they
   * received it with. A peer takes over an id it sets with a newer clock (a reconnecting client
   * may reach us before its old socket is known dead), may clear only ids it owns, and owns a few
   * at most (more throws MalformedPresenceError and claims nothing), so one connection can neither
   * erase someone else's presence nor fill the room with entries.
   */
  admit(peer: P, entries: readonly PresenceEntry[], known: KnownPresence): PresenceEntry[] {
    const admitted = entries.filter((entry) => {
      const { clock, shown } = known(entry.clientId);
      if (entry.state !== null) return clock < entry.clock;
      const clears = clock < entry.clock || (clock === entry.clock && shown);
      return clears && this.ownerOf.get(entry.clientId) === peer;
    });
    const claimed = new Set(this.idsOf.get(peer));
    for (const entry of admitted) if (entry.state !== null) claimed.add(entry.clientId);
    if (claimed.size > MAX_PRESENCE_IDS_PER_CONNECTION) throw new MalformedPresenceError('too many presence ids on one connection');
    for (const entry of admitted) if (entry.state !== null) this.claim(peer, entry.clientId);
    return admitted;
  }

  /** Forgets a departing peer; returns the ids it owned, to be removed from presence at once. */
  release(peer: P): number[] {
    const owned = [...(this.idsOf.get(peer) ?? [])];
    this.idsOf.delete(peer);
    for (const id of owned) this.ownerOf.delete(id);
    return owned;
  }

  /** The peer that owns `clientId`, if any. */
  owner(clientId: number): P | undefined {
    return this.ownerOf.get(clientId);
  }

  isOwned(clientId: number): boolean {
    return this.ownerOf.has(clientId);
  }

  /** Whether `peer` shows any presence now (no copy: asked on every presence update). */
  showsAny(peer: P): boolean {
    return (this.idsOf.get(peer)?.size ?? 0) > 0;
  }

  /** The ids `peer` owns (for tests and diagnostics). */
  idsOwnedBy(peer: P): number[] {
    return [...(this.idsOf.get(peer) ?? [])];
  }

  private claim(peer: P, clientId: number): void {
    const previous = this.ownerOf.get(clientId);
    if (previous !== undefined && previous !== peer) this.idsOf.get(previous)?.delete(clientId);
    this.ownerOf.set(clientId, peer);
    let ids = this.idsOf.get(peer);
    if (!ids) this.idsOf.set(peer, (ids = new Set()));
    ids.add(clientId);
  }
}

import type { Awareness } from 'y-protocols/awareness';
import { parsePresence, readPresence, samePeopleApartFromPointers, withoutPointers, type Presence } from './presence.ts';

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** What a person's presence is apart from their pointers, by state object (y-protocols replaces it on every update). */
const stableKeys = new WeakMap<object, string>();

/**
 * The part of a state the people list shows: everything but the cursor, a dragged note and the
 * canvas view, which change 20 times a second per person and which only the canvas draws.
 */
export function stableKeyOf(state: unknown): string {
  if (typeof state !== 'object' || state === null) return 'none';
  let key = stableKeys.get(state);
  if (key === undefined) {
    const parsed = parsePresence(state);
    key = parsed ? JSON.stringify(withoutPointers(parsed)) : 'invalid';
    stableKeys.set(state, key);
  }
  return key;
}

/**
 * Everyone in the room (readPresence), computed once per change for every reader, and only when
 * something other than a pointer changed: in a room of 30 moving cursors each reader used to read,
 * sort and compare all 30 states on every one of 600 messages a second. A pointer-only update of a
 * seat's second device does not make it the one shown (it would flap between devices otherwise).
 */
export class PeopleStore {
  private people: readonly Presence[] = [];
  /** The stable key of each client's state as of the last read. */
  private keys = new Map<number, string>();
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;

  constructor(
    private readonly awareness: Awareness,
    private readonly mySeatId: () => string | undefined,
    private readonly onSeat: (listener: () => void) => () => void,
  ) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    if (!this.stop) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size > 0) return;
      this.stop?.();
      this.stop = null;
    };
  }

  current(): readonly Presence[] {
    if (!this.stop) this.read();
    return this.people;
  }

  private start(): void {
    const onChange = (change: AwarenessChange) => {
      if (change.added.length === 0 && change.removed.length === 0 && change.updated.every((id) => this.keys.get(id) === this.keyOfClient(id))) return;
      this.refresh();
    };
    this.awareness.on('change', onChange);
    // Until the server names this device's seat, its own state is keyed apart from its other devices'.
    const stopSeat = this.onSeat(() => this.refresh());
    this.stop = () => {
      this.awareness.off('change', onChange);
      stopSeat();
    };
    this.read();
  }

  private refresh(): void {
    const before = this.people;
    this.read();
    if (samePeopleApartFromPointers(before, this.people)) {
      this.people = before;
      return;
    }
    for (const listener of [...this.listeners]) listener();
  }

  private read(): void {
    this.people = readPresence(this.awareness, this.mySeatId());
    const keys = new Map<number, string>();
    this.awareness.getStates().forEach((state, clientId) => keys.set(clientId, stableKeyOf(state)));
    this.keys = keys;
  }

  private keyOfClient(clientId: number): string {
    return stableKeyOf(this.awareness.getStates().get(clientId));
  }
}

import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { BoardDoc } from '@okr/shared/doc';
import type { ControlState } from '@okr/shared/schema';
import { useRoom } from './RoomContext.tsx';
import type { ConnectionStatus, RoomConnection } from './roomConnection.ts';
import { PeopleStore } from './peopleStore.ts';
import type { Presence } from './presence.ts';
import type { VotesSnapshot } from './roomVotes.ts';

/**
 * Reads from the board and re-renders when the result changes. `select` runs after every document
 * change; return cached lists (RecordCollection.list) or primitives so unchanged reads stay equal.
 */
export function useBoard<T>(select: (board: BoardDoc) => T, isEqual: (a: T, b: T) => boolean = Object.is): T {
  const room = useRoom();
  const last = useRef<{ value: T } | null>(null);
  const getSnapshot = () => {
    const value = select(room.board);
    if (last.current && isEqual(last.current.value, value)) return last.current.value;
    last.current = { value };
    return value;
  };
  return useSyncExternalStore(useCallback((cb) => room.board.subscribe(cb), [room]), getSnapshot);
}

export function useControl(): ControlState {
  const room = useRoom();
  return useSyncExternalStore(
    useCallback((cb) => room.control.subscribe(cb), [room]),
    () => room.control.state(),
  );
}

export function useConnectionStatus(): ConnectionStatus {
  const room = useRoom();
  return useSyncExternalStore(
    useCallback((cb) => room.onStatus(cb), [room]),
    () => room.connectionStatus(),
  );
}

/** Everyone on the board now (this device included), from awareness; a moving pointer alone does not re-render (the canvas draws those itself). */
export function usePresence(): readonly Presence[] {
  const room = useRoom();
  const people = peopleStoreOf(room);
  return useSyncExternalStore(useCallback((cb) => people.subscribe(cb), [people]), () => people.current());
}

/** One people store per room, shared by every reader. */
const peopleStores = new WeakMap<RoomConnection, PeopleStore>();
function peopleStoreOf(room: RoomConnection): PeopleStore {
  let store = peopleStores.get(room);
  if (!store) {
    store = new PeopleStore(room.awareness, () => room.mySeat()?.id, (listener) => room.requests.on('seat', listener));
    peopleStores.set(room, store);
  }
  return store;
}

/** Shallow equality for arrays of primitives or cached records. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/** This device's votes and, for a facilitator, the open round's progress, as the server keeps them. */
export function useVotes(): VotesSnapshot {
  const room = useRoom();
  return useSyncExternalStore(
    useCallback((cb) => room.votes.subscribe(cb), [room]),
    () => room.votes.current(),
  );
}

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { PeopleStore } from './peopleStore.ts';

const user = (id: string, name: string) => ({ id, name, color: '#f00', role: 'participant' as const });

/** A room as one device sees it: its own awareness, fed remote states as the provider would. */
function room() {
  const local = new Awareness(new Y.Doc());
  const remotes = new Map<string, Awareness>();
  const seatListeners = new Set<() => void>();
  const store = new PeopleStore(local, () => 'me', (listener) => (seatListeners.add(listener), () => seatListeners.delete(listener)));
  const remote = (name: string) => {
    let awareness = remotes.get(name);
    if (!awareness) remotes.set(name, (awareness = new Awareness(new Y.Doc())));
    return awareness;
  };
  return {
    store,
    local,
    set(name: string, state: Record<string, unknown> | null) {
      const awareness = remote(name);
      awareness.setLocalState(state);
      applyAwarenessUpdate(local, encodeAwarenessUpdate(awareness, [awareness.clientID]), 'remote');
    },
    seatAnnounced: () => seatListeners.forEach((listener) => listener()),
  };
}

const ana = { seatId: 'sa', user: user('a', 'Ana') };
const ben = { seatId: 'sb', user: user('b', 'Ben') };

describe('PeopleStore: readers hear of people, not of pointers', () => {
  it.each<[string, (r: ReturnType<typeof room>) => void, boolean]>([
    ['a cursor moves', (r) => r.set('ana', { ...ana, cursor: { step: 'context', x: 5, y: 9 } }), false],
    ['a note is dragged and a view moves', (r) => r.set('ana', { ...ana, dragging: { step: 'draft', id: 'n', x: 1, y: 1 }, view: { step: 'draft', x: 0, y: 0, w: 9, h: 9 } }), false],
    ['the same state is sent again', (r) => r.set('ana', { ...ana }), false],
    ['someone renames', (r) => r.set('ana', { ...ana, user: user('a', 'Ana B') }), true],
    ['someone is ready', (r) => r.set('ana', { ...ana, ready: { 'draft@1': true } }), true],
    ['someone joins', (r) => r.set('ben', ben), true],
    ['someone leaves', (r) => r.set('ana', null), true],
    ['an invalid state arrives for a new client', (r) => r.set('odd', { user: 'nobody' }), false],
    ['the server names this device\'s seat', (r) => r.seatAnnounced(), false],
  ])('%s: notified %s', (_name, change, notified) => {
    const r = room();
    r.set('ana', ana);
    let calls = 0;
    const stop = r.store.subscribe(() => calls++);
    const before = r.store.current();
    change(r);
    expect(calls > 0).toBe(notified);
    expect(r.store.current() === before).toBe(!notified);
    stop();
  });

  it('every reader shares one list, and it follows the people', () => {
    const r = room();
    r.set('ana', ana);
    const stops = [r.store.subscribe(() => undefined), r.store.subscribe(() => undefined)];
    r.set('ben', ben);
    expect(r.store.current().map((p) => p.user.name)).toEqual(['Ana', 'Ben']);
    r.set('ana', { ...ana, cursor: { step: 'context', x: 1, y: 1 } });
    r.set('ben', { ...ben, user: user('b', 'Benedict') });
    expect(r.store.current().map((p) => p.user.name)).toEqual(['Ana', 'Benedict']);
    stops.forEach((stop) => stop());
    r.set('ana', null);
    expect(r.store.current().map((p) => p.user.name)).toEqual(['Benedict']);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { encodeAwarenessMessage } from './protocol.ts';
import { showPresence, type PresenceEntry } from './presence.ts';
import { PresenceWire } from './presenceWire.ts';

/** A room's awareness as the relay keeps it (no local state), with a PresenceWire told of every change, as Room does. */
function roomAwareness() {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(null);
  const wire = new PresenceWire(awareness);
  awareness.on('update', ({ removed }: { removed: number[] }) => wire.changed(removed));
  return { awareness, wire };
}

const state = (name: string, x: number) => ({ user: { name, color: '#123456' }, cursor: { x, y: 2 * x } });
const ids = (awareness: awarenessProtocol.Awareness) => [...awareness.getStates().keys()];

afterEach(() => vi.restoreAllMocks());

describe('PresenceWire', () => {
  // Each step changes presence; the greeting must then be exactly what y-protocols encodes from the
  // same awareness, with a greeting built after every step (entries kept across them) and without.
  const steps: { name: string; entries: PresenceEntry[]; remove?: number[] }[] = [
    { name: 'first states', entries: [{ clientId: 1, clock: 1, state: state('Ana', 1) }, { clientId: 2, clock: 1, state: state('Ben', 2) }] },
    { name: 'one moves', entries: [{ clientId: 1, clock: 2, state: state('Ana', 3) }] },
    { name: 'an older clock is ignored', entries: [{ clientId: 2, clock: 0, state: state('Mallory', 9) }] },
    { name: 'a third joins', entries: [{ clientId: 300_000, clock: 7, state: state('Chloé ✓', 4) }] },
    { name: 'one clears its state', entries: [{ clientId: 2, clock: 2, state: null }] },
    { name: 'one is removed (its connection closed)', entries: [], remove: [1] },
    { name: 'a cleared id shows again', entries: [{ clientId: 2, clock: 3, state: state('Ben', 5) }] },
  ];

  it.each(steps.flatMap((step, i) => [[step.name, i, true] as const, [step.name, i, false] as const]))('matches y-protocols after: %s (greeted at every step: %s)', (_, last, greetEveryStep) => {
    const { awareness, wire } = roomAwareness();
    for (const step of steps.slice(0, last + 1)) {
      showPresence(awareness, step.entries, 'peer');
      if (step.remove) awarenessProtocol.removeAwarenessStates(awareness, step.remove, 'closed');
      if (greetEveryStep) wire.greetingMessage();
    }
    const shown = ids(awareness);
    const expected = shown.length > 0 ? encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, shown)) : null;
    expect(wire.greetingMessage()).toEqual(expected);
  });

  it('serialises each state once however many joiners are greeted, and builds one greeting per change', () => {
    const { awareness, wire } = roomAwareness();
    const people = 40;
    showPresence(awareness, Array.from({ length: people }, (_, i) => ({ clientId: i + 1, clock: 1, state: state(`p${i}`, i) })), 'peer');
    const stringify = vi.spyOn(JSON, 'stringify');
    const greetings = Array.from({ length: people }, () => wire.greetingMessage());
    expect(stringify).toHaveBeenCalledTimes(people);
    expect(new Set(greetings).size).toBe(1);
    // One person moves: the next greeting serialises their state alone.
    showPresence(awareness, [{ clientId: 5, clock: 2, state: state('p4', 99) }], 'peer');
    const next = wire.greetingMessage();
    expect(stringify).toHaveBeenCalledTimes(people + 1);
    expect(next).not.toBe(greetings[0]);
    expect(next).toEqual(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, ids(awareness))));
  });

  it('never reuses an entry whose state awareness replaced without telling it', () => {
    const { awareness, wire } = roomAwareness();
    showPresence(awareness, [{ clientId: 1, clock: 1, state: state('Ana', 1) }, { clientId: 2, clock: 1, state: state('Ben', 1) }], 'peer');
    wire.greetingMessage();
    // Same clock, another state object, and no event (not a path the relay takes, but the entry must not be trusted).
    awareness.states.set(1, state('Ana', 2));
    showPresence(awareness, [{ clientId: 2, clock: 2, state: state('Ben', 2) }], 'peer');
    expect(wire.greetingMessage()).toEqual(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, [1, 2])));
  });
});

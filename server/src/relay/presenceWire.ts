import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwarenessMessage } from './protocol.ts';

/** One presence id's entry as encoded, and the clock and state object it was encoded from. */
type EncodedEntry = { clock: number; state: unknown; bytes: Uint8Array };

/**
 * A room's presence in y-protocols' awareness update format (`encodeAwarenessUpdate`, byte for
 * byte), with each state serialised once per state rather than once per message carrying it.
 *
 * Why: every joiner is greeted with everyone's presence, and y-protocols serialises every state
 * again for each of them: in a connect storm of 500 clients the greetings were 19 % of the
 * server's busy samples (`encodeAwarenessUpdate`, most of it `JSON.stringify`), n joiners costing
 * n² serialisations. Here a state is serialised when it is first sent (the turn's presence
 * broadcast) and reused by every greeting after it; the greeting itself is built once until
 * presence changes, so joiners of one turn share one message (and one websocket frame, wsFrame.ts).
 *
 * An entry is reused only while awareness holds the very clock and state object it was made from
 * (states are replaced, never changed in place: presence.ts `showPresence`), so a stale one cannot
 * be sent whichever way awareness changed.
 */
export class PresenceWire {
  private readonly entries = new Map<number, EncodedEntry>();
  private greeting: Uint8Array | null = null;

  constructor(private readonly awareness: Awareness) {}

  /** Presence changed (awareness's 'update'): the greeting is built again; departed ids' entries go. */
  changed(removed: readonly number[]): void {
    this.greeting = null;
    for (const id of removed) this.entries.delete(id);
  }

  /** The awareness message of everyone shown now (null when nobody is): one object until presence changes. */
  greetingMessage(): Uint8Array | null {
    if (this.greeting) return this.greeting;
    const ids = [...this.awareness.states.keys()];
    if (ids.length === 0) return null;
    this.greeting = encodeAwarenessMessage(this.update(ids));
    return this.greeting;
  }

  /** The awareness update of `ids` (each must have a clock in `awareness.meta`), as y-protocols' `encodeAwarenessUpdate` writes it. */
  update(ids: readonly number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) encoding.writeUint8Array(encoder, this.entry(id));
    return encoding.toUint8Array(encoder);
  }

  private entry(id: number): Uint8Array {
    const clock = this.awareness.meta.get(id)!.clock;
    const state = this.awareness.states.get(id) ?? null;
    const known = this.entries.get(id);
    if (known && known.clock === clock && known.state === state) return known.bytes;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
    const bytes = encoding.toUint8Array(encoder);
    // A cleared state is sent once, in the turn it leaves: only shown states are kept.
    if (state !== null) this.entries.set(id, { clock, state, bytes });
    else this.entries.delete(id);
    return bytes;
  }
}

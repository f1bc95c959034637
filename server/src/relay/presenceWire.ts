import * as encoding from 'lib0/encoding';
import type { Awareness } from 'y-protocols/awareness';
import { encodeAwarenessMessage } from './protocol.ts';

/** One presence id's entry as encoded, and the clock and state object it was encoded from. */
type EncodedEntry = { clock: number; state: unknown; bytes: Uint8Array };

/**
 * The greeting every joiner gets, everyone's presence, in y-protocols' awareness update format
 * (`encodeAwarenessUpdate`, byte for byte), with each state serialised once per change of it rather
 * than once per joiner.
 *
 * Why: y-protocols serialises every state again for each joiner: in a connect storm of 500 clients
 * the greetings were 20 % of the server's busy samples (most of it `JSON.stringify`), n joiners
 * costing n² serialisations. Here a greeting reuses the entries of the states that did not change
 * since the one before, and is itself built once until presence changes, so joiners of one turn
 * share one message (and one websocket frame, wsFrame.ts). The turn's presence broadcast, which
 * carries each changed state once anyway, stays y-protocols' own encoding: keeping its entries
 * cost more per turn than a greeting saves outside a storm.
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
    const { states } = this.awareness;
    if (states.size === 0) return null;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, states.size);
    for (const [id, state] of states) encoding.writeUint8Array(encoder, this.entry(id, state));
    this.greeting = encodeAwarenessMessage(encoding.toUint8Array(encoder));
    return this.greeting;
  }

  private entry(id: number, state: unknown): Uint8Array {
    const clock = this.awareness.meta.get(id)!.clock;
    const known = this.entries.get(id);
    if (known && known.clock === clock && known.state === state) return known.bytes;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, id);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
    const bytes = encoding.toUint8Array(encoder);
    this.entries.set(id, { clock, state, bytes });
    return bytes;
  }
}

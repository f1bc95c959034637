import type { RelayMetrics } from './metrics.ts';
import { decodeMessage, type RelayEvent } from './messageDecoder.ts';
import { ForeignClientIdError } from './clientIdOwners.ts';
import { PresenceTooBigError } from './presence.ts';
import { DocTooLargeError, type Peer, type Room } from './room.ts';
import { TokenBucket } from './tokenBucket.ts';
import { isWritePolicyProblem, UpdateRejectedError } from './updateCheck.ts';

/**
 * Answering a sync step 1 (or a presence query) encodes a whole document for one client. A client
 * sends one per connection; a stream of them is an amplification attack. Burst, then one a second.
 */
const SYNC_REQUESTS = { capacity: 10, refill: 1, everyMs: 1_000, charging: 'prepaid' } as const;

/** Stops and restarts reading a peer's socket, so a throttled sender waits in its own buffers (TCP backpressure). */
export type Reading = { pause(): void; resume(): void };

export type ReceiverLimits = { maxEditBytesPerMinute: number };

/**
 * Hands one peer's frames to its room, decoded. Any frame that cannot be decoded or applied
 * closes this peer only, with a reason, as y-websocket's reference server catches per connection.
 * What one peer may add per minute is bounded here: past the budget its frames wait and its
 * socket is not read, so the sender slows down and nobody else does.
 */
export class MessageReceiver {
  private readonly syncRequests = new TokenBucket(SYNC_REQUESTS);
  /** What this peer may add: a minute's worth at once, then the refill rate; waited for, never overdrawn. */
  private readonly budget: TokenBucket;
  /** Frames waiting for the edit budget, in arrival order. */
  private held: Uint8Array[] = [];
  private heldBytes = 0;
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly room: Room,
    private readonly peer: Peer,
    private readonly metrics: RelayMetrics,
    private readonly reading: Reading,
    private readonly limits: ReceiverLimits,
    /** Called when an update of this peer's was rolled back, which rebuilt the room's document. */
    private readonly onRollback: () => void = () => {},
  ) {
    const perMinute = limits.maxEditBytesPerMinute;
    this.budget = new TokenBucket({ capacity: perMinute, refill: perMinute, everyMs: 60_000, charging: 'prepaid' });
  }

  receive(frame: Uint8Array): void {
    if (this.held.length > 0) return this.hold(frame);
    this.handle(frame);
  }

  /** The peer has gone: drop what waits for it. */
  stop(): void {
    clearTimeout(this.resumeTimer);
    this.held = [];
  }

  /** Returns false when the frame has to wait for the edit budget. */
  private handle(frame: Uint8Array): boolean {
    let event: RelayEvent;
    try {
      event = decodeMessage(frame);
    } catch (err) {
      this.metrics.malformed();
      this.peer.close('malformed', { detail: (err as Error).message });
      return true;
    }
    if ((event.kind === 'syncRequest' || event.kind === 'presenceQuery') && this.syncRequests.take(1) > 0) {
      this.peer.close('tooManyRequests');
      return true;
    }
    // Room requests are paid from the same budget as edits: a flood of them waits like one of updates.
    // Deletions pay too (they are small: a whole board's cleanup is a few KB), or a flood of them,
    // each decoded and applied even when it deletes nothing new, would cost the room unbounded CPU.
    const cost = event.kind === 'update' ? event.update.byteLength : event.kind === 'request' ? event.json.length : 0;
    const wait = cost > 0 ? this.budget.take(cost) : 0;
    if (wait > 0) {
      this.held.unshift(frame);
      this.heldBytes += frame.byteLength;
      this.waitForBudget(wait);
      return false;
    }
    this.dispatch(event);
    return true;
  }

  private dispatch(event: RelayEvent): void {
    try {
      this.room.receive(this.peer, event);
    } catch (err) {
      if (err instanceof DocTooLargeError) return this.peer.close('docTooBig');
      if (err instanceof PresenceTooBigError) return this.peer.close('presenceTooBig', { detail: err.message });
      if (err instanceof ForeignClientIdError) {
        this.metrics.rejected('foreign-client-id');
        return this.peer.close('foreignClientId', { detail: err.message });
      }
      if (err instanceof UpdateRejectedError && err.problem === 'out-of-schema') {
        this.metrics.rejected(err.problem);
        if (err.rolledBack) this.onRollback();
        return this.peer.close('outOfSchema', { detail: err.detail });
      }
      this.metrics.malformed();
      if (err instanceof UpdateRejectedError) {
        this.metrics.rejected(err.problem);
        if (err.rolledBack) this.onRollback();
        return this.peer.close(isWritePolicyProblem(err.problem) ? 'notYours' : 'unappliable', { detail: err.problem });
      }
      this.peer.close('malformed', { detail: (err as Error).message });
    }
  }

  /** Frames that arrive while reading is paused (already read off the socket) queue behind the held one. */
  private hold(frame: Uint8Array): void {
    this.held.push(frame);
    this.heldBytes += frame.byteLength;
    // Pausing stops reading within a chunk or two; a peer that still piles up more is not a client.
    if (this.heldBytes > this.limits.maxEditBytesPerMinute * 2) this.peer.close('tooManyEdits');
  }

  private waitForBudget(ms: number): void {
    this.metrics.throttled();
    this.reading.pause();
    clearTimeout(this.resumeTimer);
    this.resumeTimer = setTimeout(this.release, ms);
    this.resumeTimer.unref();
  }

  private readonly release = (): void => {
    this.resumeTimer = undefined;
    const waiting = this.held;
    this.held = [];
    this.heldBytes = 0;
    for (let i = 0; i < waiting.length; i++) {
      if (!this.handle(waiting[i]!)) {
        // handle() put that frame back at the front and paused again; the rest wait behind it.
        for (const frame of waiting.slice(i + 1)) this.hold(frame);
        return;
      }
    }
    this.reading.resume();
  };
}

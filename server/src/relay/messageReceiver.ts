import type { RelayMetrics } from './metrics.ts';
import { decodeMessage } from './messageDecoder.ts';
import { DocTooLargeError, type Peer, type Room } from './room.ts';
import { UpdateRejectedError } from './updateCheck.ts';

/**
 * Answering a sync step 1 (or a presence query) encodes a whole document for one client. A client
 * sends one per connection; a stream of them is an amplification attack. Burst, then one a second.
 */
const SYNC_REQUEST_BURST = 10;
const SYNC_REQUEST_REFILL_MS = 1_000;

/**
 * Hands one peer's frames to its room, decoded. Any frame that cannot be decoded or applied
 * closes this peer only, with a reason, as y-websocket's reference server catches per connection.
 */
export class MessageReceiver {
  private syncTokens = SYNC_REQUEST_BURST;
  private syncTokensAt = Date.now();

  constructor(
    private readonly room: Room,
    private readonly peer: Peer,
    private readonly metrics: RelayMetrics,
  ) {}

  receive(frame: Uint8Array): void {
    try {
      const event = decodeMessage(frame);
      if ((event.kind === 'syncRequest' || event.kind === 'presenceQuery') && !this.takeSyncToken()) return this.peer.close('tooManyRequests');
      this.room.receive(this.peer, event);
    } catch (err) {
      if (err instanceof DocTooLargeError) return this.peer.close('docTooBig');
      this.metrics.malformed();
      if (err instanceof UpdateRejectedError) {
        this.metrics.rejected(err.problem);
        return this.peer.close('unappliable', { detail: err.problem });
      }
      this.peer.close('malformed', { detail: (err as Error).message });
    }
  }

  private takeSyncToken(now = Date.now()): boolean {
    this.syncTokens = Math.min(SYNC_REQUEST_BURST, this.syncTokens + (now - this.syncTokensAt) / SYNC_REQUEST_REFILL_MS);
    this.syncTokensAt = now;
    if (this.syncTokens < 1) return false;
    this.syncTokens -= 1;
    return true;
  }
}

import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';
import { scanMarkers } from './wire.ts';

export type LatencySummary = { count: number; p50: number; p95: number; p99: number; max: number };

/** Milliseconds from a histogram recorded in microseconds. */
export function summarise(h: RecordableHistogram): LatencySummary {
  if (h.count === 0) return { count: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  const ms = (us: number) => Math.round(us) / 1000;
  return { count: h.count, p50: ms(h.percentile(50)), p95: ms(h.percentile(95)), p99: ms(h.percentile(99)), max: ms(h.max) };
}

export function recordMs(h: RecordableHistogram, ms: number): void {
  h.record(Math.max(1, Math.round(ms * 1000)));
}

/**
 * Who received what. Every light client is a sender and a receiver; a receiver counts each marker
 * from someone else in its room once (a bitmap per sender), and only markers sent inside the
 * measurement window. Edits must all arrive; presence may be coalesced by a server (only the latest
 * state matters), so for presence what must arrive is each sender's last state.
 */
export class Tally {
  readonly editLatency = createHistogram();
  readonly presenceLatency = createHistogram();
  windowStart = Infinity;
  windowEnd = Infinity;
  editsSent = 0;
  editsExpected = 0;
  editsDelivered = 0;
  presenceSent = 0;
  presenceExpected = 0;
  presenceDelivered = 0;
  /** Markers that arrived after a newer one from the same sender: a server must coalesce, never reorder. */
  editsReordered = 0;
  presenceReordered = 0;
  /** Frames received by all clients while the window was open. */
  framesInWindow = 0;
  /** When kept (PIPELINE_TRACE): every edit delivered in the window, as sender, seq, receiver, sent, received (this process's clock). */
  readonly deliveries: number[] | null = process.env.PIPELINE_TRACE ? [] : null;
  private readonly editMax: Int32Array[];
  private readonly editSeen: Uint8Array[];
  private readonly presenceSeen: Uint8Array[];
  private readonly presenceMax: Int32Array[];
  private readonly lastPresenceSeq: Int32Array;
  private readonly editBytes: number;
  private readonly presenceBytes: number;

  private readonly roomSizes: number[];

  /** `roomOf[i]` and `slot[i]`: client i's room and its index within the room; `members[r]`: room r's clients. */
  constructor(
    private readonly roomOf: Int32Array,
    private readonly slot: Int32Array,
    private readonly members: number[][],
    maxEditSeq: number,
    maxPresenceSeq: number,
  ) {
    const roomSizes = members.map((m) => m.length);
    this.roomSizes = roomSizes;
    this.editBytes = Math.ceil((maxEditSeq + 1) / 8);
    this.presenceBytes = Math.ceil((maxPresenceSeq + 1) / 8);
    const n = roomOf.length;
    this.editSeen = new Array(n);
    this.presenceSeen = new Array(n);
    this.presenceMax = new Array(n);
    this.editMax = new Array(n);
    for (let i = 0; i < n; i++) {
      const size = roomSizes[roomOf[i]!]!;
      this.editSeen[i] = new Uint8Array(size * this.editBytes);
      this.presenceSeen[i] = new Uint8Array(size * this.presenceBytes);
      this.presenceMax[i] = new Int32Array(size).fill(-1);
      this.editMax[i] = new Int32Array(size).fill(-1);
    }
    this.lastPresenceSeq = new Int32Array(n).fill(-1);
  }

  inWindow(t: number): boolean {
    return t >= this.windowStart && t < this.windowEnd;
  }

  sentEdit(sender: number, t: number): void {
    if (!this.inWindow(t)) return;
    this.editsSent++;
    this.editsExpected += this.roomSizes[this.roomOf[sender]!]! - 1;
  }

  sentPresence(sender: number, seq: number, t: number): void {
    this.lastPresenceSeq[sender] = seq;
    if (!this.inWindow(t)) return;
    this.presenceSent++;
    this.presenceExpected += this.roomSizes[this.roomOf[sender]!]! - 1;
  }

  /** Scans one received frame. */
  received(receiver: number, message: Buffer): void {
    const now = performance.now();
    if (this.inWindow(now)) this.framesInWindow++;
    scanMarkers(message, (kind, sender, seq, t) => {
      if (sender === receiver || sender >= this.roomOf.length || this.roomOf[sender] !== this.roomOf[receiver]) return;
      const s = this.slot[sender]!;
      const max = (kind === 'P' ? this.presenceMax : this.editMax)[receiver]!;
      if (seq > max[s]!) max[s] = seq;
      else if (seq < max[s]!) {
        if (kind === 'P') this.presenceReordered++;
        else this.editsReordered++;
      }
      if (!this.inWindow(t)) return;
      const [seen, bytes] = kind === 'E' ? [this.editSeen[receiver]!, this.editBytes] : [this.presenceSeen[receiver]!, this.presenceBytes];
      if (seq >= bytes * 8) return;
      const byte = s * bytes + (seq >> 3);
      const bit = 1 << (seq & 7);
      if (seen[byte]! & bit) return;
      seen[byte] = seen[byte]! | bit;
      if (kind === 'E') {
        this.editsDelivered++;
        recordMs(this.editLatency, now - t);
        this.deliveries?.push(sender, seq, receiver, t, now);
      } else {
        this.presenceDelivered++;
        recordMs(this.presenceLatency, now - t);
      }
    });
  }

  /** Receivers still missing some sender's latest presence state. */
  presenceStale(receivers: Iterable<number>): number {
    let stale = 0;
    for (const r of receivers) {
      const max = this.presenceMax[r]!;
      for (const sender of this.members[this.roomOf[r]!]!) {
        if (sender !== r && max[this.slot[sender]!]! < this.lastPresenceSeq[sender]!) stale++;
      }
    }
    return stale;
  }

  complete(receivers: Iterable<number>): boolean {
    return this.editsDelivered >= this.editsExpected && this.presenceStale(receivers) === 0;
  }
}

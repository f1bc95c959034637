import client from 'prom-client';

/** Why a websocket connection ended: a `CLOSE` key, `client` when the peer closed, `error` for a socket error. */
export type CloseCause = string;

/** Prometheus metrics of the relay, registered in the server's registry (a fresh one by default, for tests). */
export class RelayMetrics {
  private readonly malformedMessages: client.Counter;
  private readonly droppedWrites: client.Counter;
  private readonly rejectedUpdates: client.Counter<'reason'>;
  private readonly broadcasts: client.Counter<'kind'>;
  private readonly closes: client.Counter<'cause'>;
  private readonly refusedUpgrades: client.Counter<'status'>;
  private readonly storeWriteSeconds: client.Histogram;
  private readonly throttledEdits: client.Counter;
  private readonly failedRequests: client.Counter<'op'>;
  readonly roomsLoaded: client.Gauge;
  readonly connections: client.Gauge;

  /**
   * Traffic counted as plain numbers and handed to prom-client when metrics are read (`collect`):
   * four `inc` calls per frame and per socket write (each hashing its labels) cost more than the
   * counting. Read through `/metrics`, the counters are the same.
   */
  private readonly traffic = { messagesIn: 0, bytesIn: 0, messagesOut: 0, bytesOut: 0 };

  constructor(registry: client.Registry = new client.Registry()) {
    const registers = [registry];
    const traffic = this.traffic;
    const counted = (name: string, help: string, key: keyof typeof traffic) =>
      new client.Counter({
        name,
        help,
        registers,
        collect() {
          this.inc(traffic[key]);
          traffic[key] = 0;
        },
      });
    counted('okr_messages_in_total', 'Websocket messages received and handled', 'messagesIn');
    counted('okr_bytes_in_total', 'Websocket bytes received and handled', 'bytesIn');
    counted('okr_messages_out_total', 'Websocket messages sent', 'messagesOut');
    counted('okr_bytes_out_total', 'Websocket bytes sent', 'bytesOut');
    this.malformedMessages = new client.Counter({ name: 'okr_malformed_messages_total', help: 'Messages that closed their connection', registers });
    this.droppedWrites = new client.Counter({ name: 'okr_dropped_writes_total', help: 'Document changes dropped because the sender may not write', registers });
    this.rejectedUpdates = new client.Counter({
      name: 'okr_rejected_updates_total',
      help: 'Document updates refused before or while applying them, by reason',
      labelNames: ['reason'] as const,
      registers,
    });
    this.broadcasts = new client.Counter({
      name: 'okr_broadcasts_total',
      help: 'Broadcast messages encoded, once each, then sent to every connection of a document (kind: update or presence)',
      labelNames: ['kind'] as const,
      registers,
    });
    this.closes = new client.Counter({ name: 'okr_connections_closed_total', help: 'Websocket connections ended, by cause', labelNames: ['cause'] as const, registers });
    this.refusedUpgrades = new client.Counter({
      name: 'okr_upgrades_refused_total',
      help: 'Websocket upgrade requests refused before a connection was made, by HTTP status',
      labelNames: ['status'] as const,
      registers,
    });
    this.storeWriteSeconds = new client.Histogram({
      name: 'okr_store_write_seconds',
      help: 'Time to append one batch of updates to the store',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
      registers,
    });
    this.throttledEdits = new client.Counter({ name: 'okr_edits_throttled_total', help: 'Times a connection passed its edit budget and its reading was paused', registers });
    // Only registered ops reach an op's code, so `op` has as many values as the server has ops.
    this.failedRequests = new client.Counter({ name: 'okr_requests_failed_total', help: 'Room requests that failed inside the server (answered internal), by op', labelNames: ['op'] as const, registers });
    this.roomsLoaded = new client.Gauge({ name: 'okr_rooms_loaded', help: 'Rooms in memory', registers });
    this.connections = new client.Gauge({ name: 'okr_connections', help: 'Open websocket connections', registers });
  }

  received(bytes: number): void {
    this.traffic.messagesIn++;
    this.traffic.bytesIn += bytes;
  }

  /** `messages` messages of `bytes` in all, counted once per write rather than per message. */
  sent(messages: number, bytes: number): void {
    this.traffic.messagesOut += messages;
    this.traffic.bytesOut += bytes;
  }

  broadcast(kind: 'update' | 'presence'): void {
    this.broadcasts.inc({ kind });
  }

  malformed(): void {
    this.malformedMessages.inc();
  }

  dropped(): void {
    this.droppedWrites.inc();
  }

  rejected(reason: string): void {
    this.rejectedUpdates.inc({ reason });
  }

  closed(cause: CloseCause): void {
    this.closes.inc({ cause });
  }

  refused(status: number): void {
    this.refusedUpgrades.inc({ status: String(status) });
  }

  throttled(): void {
    this.throttledEdits.inc();
  }

  requestFailed(op: string): void {
    this.failedRequests.inc({ op });
  }

  storeWrite(ms: number): void {
    this.storeWriteSeconds.observe(ms / 1000);
  }
}

import client from 'prom-client';

/** Why a websocket connection ended: a `CLOSE` key, `client` when the peer closed, `error` for a socket error. */
export type CloseCause = string;

/** Prometheus metrics of the relay, registered in the server's registry (a fresh one by default, for tests). */
export class RelayMetrics {
  private readonly messagesIn: client.Counter;
  private readonly bytesIn: client.Counter;
  private readonly messagesOut: client.Counter;
  private readonly bytesOut: client.Counter;
  private readonly malformedMessages: client.Counter;
  private readonly droppedWrites: client.Counter;
  private readonly rejectedUpdates: client.Counter<'reason'>;
  private readonly broadcasts: client.Counter<'kind'>;
  private readonly closes: client.Counter<'cause'>;
  private readonly refusedUpgrades: client.Counter<'status'>;
  private readonly storeWriteSeconds: client.Histogram;
  private readonly throttledEdits: client.Counter;
  readonly roomsLoaded: client.Gauge;
  readonly connections: client.Gauge;

  constructor(registry: client.Registry = new client.Registry()) {
    const registers = [registry];
    this.messagesIn = new client.Counter({ name: 'okr_messages_in_total', help: 'Websocket messages received and handled', registers });
    this.bytesIn = new client.Counter({ name: 'okr_bytes_in_total', help: 'Websocket bytes received and handled', registers });
    this.messagesOut = new client.Counter({ name: 'okr_messages_out_total', help: 'Websocket messages sent', registers });
    this.bytesOut = new client.Counter({ name: 'okr_bytes_out_total', help: 'Websocket bytes sent', registers });
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
    this.roomsLoaded = new client.Gauge({ name: 'okr_rooms_loaded', help: 'Rooms in memory', registers });
    this.connections = new client.Gauge({ name: 'okr_connections', help: 'Open websocket connections', registers });
  }

  received(bytes: number): void {
    this.messagesIn.inc();
    this.bytesIn.inc(bytes);
  }

  /** `messages` messages of `bytes` in all, counted once per write rather than per message. */
  sent(messages: number, bytes: number): void {
    this.messagesOut.inc(messages);
    this.bytesOut.inc(bytes);
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

  storeWrite(ms: number): void {
    this.storeWriteSeconds.observe(ms / 1000);
  }
}

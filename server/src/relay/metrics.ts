import client from 'prom-client';

/** Prometheus metrics for the relay; one registry per server so tests can run several. */
export class RelayMetrics {
  readonly registry = new client.Registry();
  private readonly messagesIn = new client.Counter({ name: 'okr_messages_in_total', help: 'Websocket messages received', registers: [this.registry] });
  private readonly bytesIn = new client.Counter({ name: 'okr_bytes_in_total', help: 'Websocket bytes received', registers: [this.registry] });
  private readonly messagesOut = new client.Counter({ name: 'okr_messages_out_total', help: 'Websocket messages sent', registers: [this.registry] });
  private readonly bytesOut = new client.Counter({ name: 'okr_bytes_out_total', help: 'Websocket bytes sent', registers: [this.registry] });
  private readonly malformedMessages = new client.Counter({ name: 'okr_malformed_messages_total', help: 'Messages that closed their connection', registers: [this.registry] });
  private readonly droppedWrites = new client.Counter({ name: 'okr_dropped_writes_total', help: 'Document changes dropped because the sender may not write', registers: [this.registry] });
  private readonly broadcasts = new client.Counter({ name: 'okr_broadcasts_total', help: 'Broadcast messages encoded (each sent to every connection of a document)', registers: [this.registry] });
  private readonly storeWriteSeconds = new client.Histogram({
    name: 'okr_store_write_seconds',
    help: 'Time to append one batch of updates to the store',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
    registers: [this.registry],
  });
  readonly roomsLoaded = new client.Gauge({ name: 'okr_rooms_loaded', help: 'Rooms in memory', registers: [this.registry] });
  readonly connections = new client.Gauge({ name: 'okr_connections', help: 'Open websocket connections', registers: [this.registry] });

  constructor() {
    client.collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 20 });
  }

  received(bytes: number): void {
    this.messagesIn.inc();
    this.bytesIn.inc(bytes);
  }

  sent(bytes: number): void {
    this.messagesOut.inc();
    this.bytesOut.inc(bytes);
  }

  broadcast(): void {
    this.broadcasts.inc();
  }

  malformed(): void {
    this.malformedMessages.inc();
  }

  dropped(): void {
    this.droppedWrites.inc();
  }

  storeWrite(ms: number): void {
    this.storeWriteSeconds.observe(ms / 1000);
  }
}

import client from 'prom-client';

/**
 * One Prometheus registry per server (so tests can run several), served at /metrics. Default
 * process metrics come with it: `process_resident_memory_bytes` and the event-loop delay
 * (`nodejs_eventloop_lag_seconds`, `nodejs_eventloop_lag_p99_seconds`, …).
 */
export function createMetricsRegistry(): client.Registry {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  return registry;
}

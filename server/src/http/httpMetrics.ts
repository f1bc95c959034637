import client from 'prom-client';

/** The HTTP side's metrics, in the server's registry (which /metrics serves whole). */
export class HttpMetrics {
  private readonly responses: client.Counter<'status'>;

  constructor(readonly registry: client.Registry) {
    this.responses = new client.Counter({ name: 'okr_http_responses_total', help: 'HTTP responses, by status', labelNames: ['status'] as const, registers: [registry] });
  }

  responded(status: number): void {
    this.responses.inc({ status: String(status) });
  }
}

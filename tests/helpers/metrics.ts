import http from 'node:http';

/** One scrape of GET /metrics: `value(name, labels)` reads a sample (0 when absent). */
export type MetricsScrape = { text: string; value: (name: string, labels?: Record<string, string>) => number; has: (name: string) => boolean };

export async function scrapeMetrics(httpUrl: string): Promise<MetricsScrape> {
  const text = await getMetricsText(httpUrl);
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (match) samples.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  const key = (name: string, labels: Record<string, string> = {}) => {
    const entries = Object.entries(labels);
    return entries.length === 0 ? name : `${name}{${entries.map(([k, v]) => `${k}="${v}"`).join(',')}}`;
  };
  return {
    text,
    value: (name, labels) => samples.get(key(name, labels)) ?? 0,
    has: (name) => [...samples.keys()].some((k) => k === name || k.startsWith(`${name}{`)),
  };
}

/** Polls /metrics until `check` holds; fails with `what` after the timeout. */
export async function untilMetrics(httpUrl: string, check: (m: MetricsScrape) => boolean, what: string, timeoutMs = 10_000): Promise<MetricsScrape> {
  const started = Date.now();
  for (;;) {
    const scrape = await scrapeMetrics(httpUrl);
    if (check(scrape)) return scrape;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A fresh connection per scrape: fetch reuses an idle keep-alive socket, and one the server closes
 * for idleness (5 s, easily reached while a busy test waits) at that moment fails with ECONNRESET.
 */
function getMetricsText(httpUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${httpUrl}/metrics`, { agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`GET /metrics answered ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import { isOriginAllowed } from '../access.ts';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { HttpMetrics } from './httpMetrics.ts';
import { HttpError, methodNotAllowed, sendError, sendJson } from './json.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { staticClient } from './staticClient.ts';

export type AppContext = {
  log: Logger;
  config: Config;
  metrics: HttpMetrics;
  isReady: () => boolean;
  /** GET /readyz: whether the store (and in shared mode the bus) answer; without it, ready means started. */
  readiness?: () => Promise<{ ready: boolean; checks: Record<string, string> }>;
  /** The rooms API, on the SQLite store (api.ts) or in shared mode on PostgreSQL (sharedApi.ts); false: not an API route. */
  api: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
};

/** Pages the client renders itself: home, a room link, a viewer link. Anything else is a file or a 404. */
const APP_ROUTE = /^\/(?:(?:r|v)\/[^/]+\/?)?$/;

/** The HTTP side: health, metrics, the rooms API and the built client. Every error is JSON. */
export function createRequestHandler(ctx: AppContext) {
  const serveClient = staticClient(ctx.config.clientDir);
  if (!serveClient) ctx.log.warn({ clientDir: ctx.config.clientDir }, 'no built client found: run `npx pnpm@10 build`');
  const publicHost = ctx.config.publicUrl ? new URL(ctx.config.publicUrl).host : undefined;

  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res, publicHost ?? req.headers.host);
    const started = performance.now();
    res.once('finish', () => {
      ctx.metrics.responded(res.statusCode);
      ctx.log.debug({ method: req.method, path: safePath(req), status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
    });
    route(req, res).catch((err: unknown) => {
      const error = err instanceof HttpError ? err : new HttpError(500, 'internal', 'Something went wrong on the server; it has been logged.');
      if (!(err instanceof HttpError)) ctx.log.error({ err: (err as Error).message, path: safePath(req) }, 'request failed');
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = parseRequestPath(req.url ?? '/');
    if (url.pathname.startsWith('/api/') && !isOriginAllowed(req.headers.origin, ctx.config.allowedOrigins)) {
      throw new HttpError(403, 'origin_not_allowed', 'This origin may not call the API; see ALLOWED_ORIGINS.');
    }
    if (url.pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
      if (!ctx.isReady()) throw new HttpError(503, 'starting', 'The server is starting or stopping.');
      return sendJson(res, 200, { status: 'ok' });
    }
    if (url.pathname === '/readyz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
      if (!ctx.isReady()) throw new HttpError(503, 'starting', 'The server is starting or stopping.');
      const { ready, checks } = (await ctx.readiness?.()) ?? { ready: true, checks: { store: 'ok' } };
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ok' : 'unavailable', ...checks }, { 'Cache-Control': 'no-store' });
    }
    if (url.pathname === '/metrics') {
      if (req.method !== 'GET') throw methodNotAllowed('GET');
      const text = await ctx.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': ctx.metrics.registry.contentType, 'Cache-Control': 'no-store' });
      res.end(text);
      return;
    }
    if (await ctx.api(req, res, url)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed('GET, HEAD');
    if (!serveClient) throw new HttpError(404, 'no_client', 'The client is not built: run `npx pnpm@10 build`, then restart.');
    const notFound = () => sendError(res, new HttpError(404, 'not_found', 'No such page.'));
    // App routes get the page shell (the client shows its own "not found" for a bad id).
    if (APP_ROUTE.test(url.pathname)) req.url = '/';
    serveClient(req, res, notFound);
  }
}

/**
 * The request path, refusing what could name something it should not: encoded slashes and
 * backslashes, NUL, dot segments (raw or percent-encoded: URL parsing would resolve them), and
 * malformed percent-encoding.
 */
export function parseRequestPath(rawUrl: string): URL {
  const rawPath = rawUrl.split('?')[0] ?? '';
  const bad = () => new HttpError(400, 'bad_path', 'That path is not allowed.');
  if (!rawPath.startsWith('/') || rawPath.startsWith('//') || /%2f|%5c|%00|\\|\0/i.test(rawPath)) throw bad();
  for (const segment of rawPath.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw bad();
    }
    if (decoded === '.' || decoded === '..') throw bad();
  }
  try {
    return new URL(rawUrl, 'http://app');
  } catch {
    throw bad();
  }
}

/** The path without its query or fragment, so no key can reach a log line. */
function safePath(req: IncomingMessage): string {
  return (req.url ?? '').split(/[?#]/)[0] ?? '';
}

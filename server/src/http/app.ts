import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { RelayMetrics } from '../relay/metrics.ts';
import { handleApi, type ApiContext } from './api.ts';
import { HttpError, sendError, sendJson } from './json.ts';
import { isOriginAllowed } from './origins.ts';
import { setSecurityHeaders } from './securityHeaders.ts';
import { staticClient } from './staticClient.ts';

export type AppContext = ApiContext & { config: Config; metrics: RelayMetrics; log: Logger; isReady: () => boolean };

/** The HTTP side: health, metrics, the rooms API and the built client. Every error is JSON. */
export function createRequestHandler(ctx: AppContext) {
  const serveClient = staticClient(ctx.config.clientDir);
  if (!serveClient) ctx.log.warn({ clientDir: ctx.config.clientDir }, 'no built client found: run `npx pnpm@10 build`');

  return (req: IncomingMessage, res: ServerResponse): void => {
    setSecurityHeaders(res);
    route(req, res).catch((err: unknown) => {
      const error = err instanceof HttpError ? err : new HttpError(500, 'internal', 'Something went wrong on the server; it has been logged.');
      if (!(err instanceof HttpError)) ctx.log.error({ err: (err as Error).message, path: safePath(req) }, 'request failed');
      if (!res.headersSent) sendError(res, error);
      else res.destroy();
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    // Encoded slashes, NUL and dot segments never name a file or a room.
    if (/%2f|%5c|%00|\0/i.test(rawUrl) || rawUrl.split('?')[0]!.split('/').some((s) => s === '..' || s === '.')) {
      throw new HttpError(400, 'bad_path', 'That path is not allowed.');
    }
    const url = new URL(rawUrl, 'http://app');
    if (url.pathname.startsWith('/api/') && !isOriginAllowed(req.headers.origin, ctx.config.allowedOrigins)) {
      throw new HttpError(403, 'origin_not_allowed', 'This origin may not call the API; see ALLOWED_ORIGINS.');
    }
    if (url.pathname === '/healthz') {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'Use GET on this route.');
      if (!ctx.isReady()) throw new HttpError(503, 'starting', 'The server is starting or stopping.');
      return sendJson(res, 200, { status: 'ok' });
    }
    if (url.pathname === '/metrics') {
      if (req.method !== 'GET') throw new HttpError(405, 'method_not_allowed', 'Use GET on this route.');
      const text = await ctx.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': ctx.metrics.registry.contentType, 'Cache-Control': 'no-store' });
      res.end(text);
      return;
    }
    if (await handleApi(req, res, url, ctx)) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'method_not_allowed', 'Only GET serves pages.');
    if (!serveClient) throw new HttpError(404, 'no_client', 'The client is not built: run `npx pnpm@10 build`, then restart.');
    serveClient(req, res, () => sendError(res, new HttpError(404, 'not_found', 'No such page.')));
  }
}

/** The path without its query or fragment, so no key can reach a log line. */
function safePath(req: IncomingMessage): string {
  return (req.url ?? '').split(/[?#]/)[0] ?? '';
}

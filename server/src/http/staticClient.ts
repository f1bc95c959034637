import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Serves the built client: hashed assets are cached for good, index.html never (so a deploy is
 * picked up at once). Unknown paths go to `next`; the caller maps app routes such as /r/<room>
 * to the page shell.
 */
export function staticClient(clientDir: string): Handler | null {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) return null;
  return sirv(clientDir, {
    single: false,
    etag: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
}

import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

type Handler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built client: hashed assets are cached for good, index.html never (so a deploy is
 * picked up at once). The build leaves `name.br` and `name.gz` beside each file (client/vite.config.ts);
 * sirv sends the one the request accepts, else the file itself. Unknown paths go to `next`; the
 * caller maps app routes such as /r/<room> to the page shell.
 */
export function staticClient(clientDir: string): Handler | null {
  if (!fs.existsSync(path.join(clientDir, 'index.html'))) return null;
  const serve = sirv(clientDir, { single: false, etag: true, dotfiles: false, gzip: true, brotli: true });
  return (req, res, next) => {
    // Set before sirv answers, so a 304 carries them too (sirv adds its own only to a 200); a
    // file sirv does not have goes to `next`, whose JSON 404 overrides Cache-Control.
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('Cache-Control', pathname.startsWith('/assets/') ? IMMUTABLE : 'no-cache');
    serve(req, res, next);
  };
}

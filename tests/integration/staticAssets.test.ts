import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';

// The build leaves name.br and name.gz beside each file (client/vite.config.ts); the server picks
// by Accept-Encoding, says so in Vary, and caches hashed assets for good and the page shell never.

const SCRIPT = `console.log(${JSON.stringify('board '.repeat(200))});`;
const PAGE = '<!doctype html><title>OKR workshop board</title><script type="module" src="/assets/app-1a2b3c.js"></script>';

/** A built client with precompressed copies, as `vite build` leaves it. */
function precompressedClientDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-client-br-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
  };
  write('index.html', PAGE);
  write('assets/app-1a2b3c.js', SCRIPT);
  return dir;
}

const fixture = useServerWithRoom({ per: 'file', room: false, config: { clientDir: precompressedClientDir() } });

type Answer = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** A GET with exactly these headers (fetch would add Accept-Encoding and decode the body itself). */
function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { hostname, port } = new URL(fixture.server.httpUrl);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: hostname, port, path: pathname, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const decode: Record<string, (body: Buffer) => Buffer> = {
  br: (body) => zlib.brotliDecompressSync(body),
  gzip: (body) => zlib.gunzipSync(body),
  identity: (body) => body,
};

describe('static client: precompressed assets', () => {
  it.each([
    ['br and gzip accepted', 'gzip, deflate, br', 'br'],
    ['br only', 'br', 'br'],
    ['gzip only', 'gzip', 'gzip'],
    ['nothing said', undefined, 'identity'],
    ['an encoding we do not keep', 'deflate', 'identity'],
  ])('%s: the script goes out as %s and decodes to the file', async (_name, acceptEncoding, expected) => {
    const answer = await get('/assets/app-1a2b3c.js', acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {});
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding'] ?? 'identity').toBe(expected);
    expect(answer.headers['content-type']).toContain('javascript');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(decode[expected]!(answer.body).toString()).toBe(SCRIPT);
    if (expected !== 'identity') expect(answer.body.length).toBeLessThan(SCRIPT.length / 5);
  });

  it.each([
    ['the home page', '/'],
    ['a room link', '/r/AAAAAAAAAAAAAAAAAAAAAAAA'],
    ['index.html', '/index.html'],
  ])('%s: the page shell, compressed, never cached without a check', async (_name, pathname) => {
    const answer = await get(pathname, { 'Accept-Encoding': 'gzip, br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toContain('text/html');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(PAGE);
  });

  it('a revalidation answers 304 with the same Vary and cache headers, per encoding', async () => {
    const first = await get('/', { 'Accept-Encoding': 'gzip' });
    const again = await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.headers.vary).toBe('Accept-Encoding');
    expect(again.headers['cache-control']).toBe('no-cache');
    // Another encoding is another representation: the gzip copy's tag does not stand for it.
    const other = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': String(first.headers.etag) });
    expect(other.status).toBe(200);
    expect(other.headers['content-encoding']).toBe('br');
  });

  it('a file that is not there is a JSON 404 that no cache keeps', async () => {
    const answer = await get('/assets/missing-000000.js', { 'Accept-Encoding': 'br' });
    expect(answer.status).toBe(404);
    expect(answer.headers['content-type']).toContain('application/json');
    expect(answer.headers['cache-control']).toBe('no-store');
  });
});

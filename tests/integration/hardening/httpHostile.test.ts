import { describe, expect, it } from 'vitest';
import { fakeClientDir, rawRequest, type RawAnswer } from '../../helpers/server.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// Whatever arrives over HTTP, the answer is JSON with the right status: bad bodies, path tricks,
// unknown routes, wrong methods, requests Node itself cannot parse.

const fixture = useServerWithRoom({ per: 'file', config: { clientDir: fakeClientDir(), maxHttpBodyBytes: 2048 } });

function expectJsonError(answer: RawAnswer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers['content-type']).toContain('application/json');
  const body = JSON.parse(answer.body) as { error: string; message: string };
  expect(body.error).toBe(code);
  expect(body.message.length).toBeGreaterThan(5);
}

const post = (body: string) => rawRequest(fixture.server.httpUrl, { method: 'POST', path: '/api/rooms', headers: { 'Content-Type': 'application/json' }, body });

describe('hostile HTTP input', () => {
  it.each([
    ['truncated JSON', '{"title": "Q3', 400, 'invalid_json'],
    ['not JSON at all', 'title=Q3', 400, 'invalid_json'],
    ['a JSON array', '["Q3"]', 400, 'invalid_body'],
    ['JSON null', 'null', 400, 'invalid_body'],
    ['a JSON string', '"Q3"', 400, 'invalid_body'],
    ['a prototype-pollution attempt', '{"__proto__": {"admin": true}}', 400, 'invalid_body'],
    ['a title far too long', JSON.stringify({ title: 'x'.repeat(500) }), 400, 'invalid_body'],
    ['a body over MAX_HTTP_BODY_BYTES', JSON.stringify({ title: 'x'.repeat(4096) }), 413, 'body_too_large'],
  ])('POST /api/rooms with %s: %i', async (_name, body, status, code) => {
    expectJsonError(await post(body), status, code);
  });

  it.each([
    ['a dot-dot segment', '/../etc/passwd'],
    ['a dot-dot inside the assets', '/assets/../index.html'],
    ['an encoded dot-dot', '/%2e%2e/%2e%2e/etc/passwd'],
    ['a half-encoded dot-dot', '/assets/.%2E/index.html'],
    ['an encoded slash', '/api%2frooms'],
    ['an encoded slash inside a room id', '/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA%2F..%2Fx/export'],
    ['an encoded backslash', '/..%5c..%5cwindows/win.ini'],
    ['a raw backslash', '/r/abc\\..\\x'],
    ['an encoded NUL', '/index.html%00.js'],
    ['a protocol-relative path', '//evil.example/x'],
    ['malformed percent-encoding', '/r/%E0%A4%A'],
    ['a single-dot segment', '/./index.html'],
  ])('%s is refused with 400 bad_path', async (_name, path) => {
    expectJsonError(await rawRequest(fixture.server.httpUrl, { path }), 400, 'bad_path');
  });

  it('a raw NUL byte in the request line (Node cannot parse it) gets a JSON 400', async () => {
    const answer = await rawRequest(fixture.server.httpUrl, { raw: 'GET /index\0.html HTTP/1.1\r\nHost: x\r\n\r\n' });
    expectJsonError(answer, 400, 'bad_request');
  });

  it('oversized headers get a JSON 431', async () => {
    const answer = await rawRequest(fixture.server.httpUrl, { raw: `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n` });
    expectJsonError(answer, 431, 'headers_too_large');
  });

  it.each([
    ['an unknown API route', '/api/nothing'],
    ['an unknown API route under a room', '/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA/delete'],
    ['an unknown page', '/admin'],
    ['a missing asset', '/assets/missing-123.js'],
    ['a room path with more after it', '/r/abc/extra'],
    ['a dotfile', '/.env'],
  ])('%s is a JSON 404', async (_name, path) => {
    expectJsonError(await rawRequest(fixture.server.httpUrl, { path }), 404, 'not_found');
  });

  it('an unknown room’s export is a JSON 404, a malformed one too, before any key check', async () => {
    const auth = { Authorization: `Bearer ${fixture.room.facilitatorKey}` };
    expectJsonError(await rawRequest(fixture.server.httpUrl, { path: '/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA/export', headers: auth }), 404, 'not_found');
    expectJsonError(await rawRequest(fixture.server.httpUrl, { path: "/api/rooms/x'%20OR%201=1--/export", headers: auth }), 404, 'not_found');
  });

  it.each([
    ['/', 200],
    ['/r/AAAAAAAAAAAAAAAAAAAAAAAA', 200],
    ['/v/AAAAAAAAAAAAAAAAAAAAAAAA/', 200],
    ['/assets/app-1a2b3c.js', 200],
  ])('the app itself still serves %s', async (path, status) => {
    const answer = await rawRequest(fixture.server.httpUrl, { path });
    expect(answer.status).toBe(status);
    expect(answer.headers['content-type']).not.toContain('application/json');
  });

  it.each([
    ['PUT', '/api/rooms', 'POST'],
    ['DELETE', '/api/rooms', 'POST'],
    ['GET', '/api/rooms', 'POST'],
    ['POST', '/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA/export', 'GET'],
    ['DELETE', '/api/rooms/AAAAAAAAAAAAAAAAAAAAAAAA/export', 'GET'],
    ['PATCH', '/api/time', 'GET'],
    ['POST', '/healthz', 'GET, HEAD'],
    ['POST', '/metrics', 'GET'],
    ['POST', '/', 'GET, HEAD'],
    ['DELETE', '/assets/app-1a2b3c.js', 'GET, HEAD'],
    ['OPTIONS', '/api/rooms', 'POST'],
  ])('%s %s is a JSON 405 that names the allowed methods', async (method, path, allowed) => {
    const answer = await rawRequest(fixture.server.httpUrl, { method, path });
    expectJsonError(answer, 405, 'method_not_allowed');
    expect(answer.headers.allow).toBe(allowed);
  });

  it('after all that the server still answers', async () => {
    expect((await rawRequest(fixture.server.httpUrl, { path: '/healthz' })).status).toBe(200);
    expect((await post('{"title": "still here"}')).status).toBe(201);
  });
});

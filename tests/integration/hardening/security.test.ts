import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashKey, keyMatches } from '../../../server/src/store/keys.ts';
import { createRoom, fakeClientDir, rawRequest, type RawAnswer } from '../../helpers/server.ts';
import { tryUpgrade, type UpgradeAnswer } from '../../helpers/rawSocket.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// Each test sets its own origins or limits, and counts the rooms it makes.
const fixture = useServerWithRoom({ startInTest: true, room: false, config: { clientDir: fakeClientDir() } });
const start = fixture.start;

const APP = 'http://board.example';
const EVIL = 'http://evil.example';

describe('ALLOWED_ORIGINS', () => {
  it('refuses websocket upgrades from other origins (403) and accepts the app’s and origin-less clients', async () => {
    await start({ allowedOrigins: [APP] });
    const room = await createRoom(fixture.server.httpUrl);
    const url = `${fixture.server.wsUrl}/sync/${room.roomId}`;
    const evil = await tryUpgrade(url, { Origin: EVIL });
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toEqual({ error: 'refused', message: 'origin not allowed' });
    expect((await tryUpgrade(url, { Origin: APP })).status).toBe(101);
    expect((await tryUpgrade(url)).status).toBe(101);
  });

  it('refuses API calls from other origins (403 JSON) and accepts the app’s and origin-less clients', async () => {
    await start({ allowedOrigins: [APP] });
    const create = (origin?: string) => rawRequest(fixture.server.httpUrl, { method: 'POST', path: '/api/rooms', headers: origin ? { Origin: origin } : {}, body: '{}' });
    const evil = await create(EVIL);
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body)).toMatchObject({ error: 'origin_not_allowed' });
    expect((await create(APP)).status).toBe(201);
    expect((await create()).status).toBe(201);
    expect(fixture.server.store.listRooms()).toHaveLength(2);
  });

  it('with no list every origin is allowed', async () => {
    await start();
    const room = await createRoom(fixture.server.httpUrl);
    expect((await tryUpgrade(`${fixture.server.wsUrl}/sync/${room.roomId}`, { Origin: EVIL })).status).toBe(101);
  });
});

describe('security headers', () => {
  function expectHardened(headers: RawAnswer['headers'] | UpgradeAnswer['headers'], what: string): void {
    const csp = String(headers['content-security-policy'] ?? '');
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("object-src 'none'");
    expect(csp, what).not.toMatch(/\*|https?:(?!\/)/);
    expect(headers['x-content-type-options'], what).toBe('nosniff');
    expect(headers['x-frame-options'], what).toBe('DENY');
    expect(headers['referrer-policy'], what).toBe('no-referrer');
  }

  it('are on every HTTP response: pages, assets, API, errors, metrics, refused upgrades, unparsable requests', async () => {
    await start({ maxHttpBodyBytes: 100 });
    const room = await createRoom(fixture.server.httpUrl);
    const requests: [string, Parameters<typeof rawRequest>[1]][] = [
      ['page', { path: '/' }],
      ['room page', { path: `/r/${room.roomId}` }],
      ['asset', { path: '/assets/app-1a2b3c.js' }],
      ['health', { path: '/healthz' }],
      ['metrics', { path: '/metrics' }],
      ['time', { path: '/api/time' }],
      ['201', { method: 'POST', path: '/api/rooms', body: '{}' }],
      ['400', { method: 'POST', path: '/api/rooms', body: '{' }],
      ['401', { path: `/api/rooms/${room.roomId}/export` }],
      ['404', { path: '/nowhere' }],
      ['405', { method: 'DELETE', path: '/api/rooms' }],
      ['413', { method: 'POST', path: '/api/rooms', body: JSON.stringify({ title: 'x'.repeat(200) }) }],
      ['bad path', { path: '/%2e%2e/x' }],
      ['unparsable', { raw: 'GET /\0 HTTP/1.1\r\n\r\n' }],
    ];
    for (const [what, request] of requests) expectHardened((await rawRequest(fixture.server.httpUrl, request)).headers, what);
    for (const ws of ['/sync/AAAAAAAAAAAAAAAAAAAAAAAA', '/sync/bad', '/nowhere']) {
      const refused = await tryUpgrade(`${fixture.server.wsUrl}${ws}`);
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expectHardened(refused.headers, `upgrade ${ws}`);
    }
  });

  it('the content security policy names the app’s own websocket and nothing else', async () => {
    await start();
    const csp = String((await rawRequest(fixture.server.httpUrl, { path: '/', headers: { Host: 'board.example:8080' } })).headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' ws://board.example:8080 wss://board.example:8080;");
    const forged = String((await rawRequest(fixture.server.httpUrl, { path: '/', headers: { Host: 'x; script-src *' } })).headers['content-security-policy']);
    expect(forged).toContain("connect-src 'self';");
  });
});

describe('room ids and keys', () => {
  it('are validated before any store access, on websockets and HTTP alike', async () => {
    await start();
    const room = await createRoom(fixture.server.httpUrl);
    let lookups = 0;
    const store = fixture.server.store as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const method of ['getRoom', 'isFacilitatorKey', 'roomIdForViewerKey', 'loadDoc']) {
      const original = store[method]!.bind(fixture.server.store);
      store[method] = (...args: unknown[]) => {
        lookups++;
        return original(...args);
      };
    }
    const hostileIds = ["x' OR '1'='1", 'short', 'A'.repeat(65), '%00AAAAAAAAAAAAAAAAAAAAAAAA', 'ÄÖÜäöüÄÖÜäöüÄÖÜäöüÄÖÜäöü', '../../../../etc/passwd'];
    for (const id of hostileIds) {
      const encoded = encodeURIComponent(id);
      const ws = await tryUpgrade(`${fixture.server.wsUrl}/sync/${encoded}`);
      expect([400, 404]).toContain(ws.status);
      expect([400, 404]).toContain((await tryUpgrade(`${fixture.server.wsUrl}/view/${encoded}`)).status);
      const exported = await rawRequest(fixture.server.httpUrl, { path: `/api/rooms/${encoded}/export`, headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
      expect([400, 404]).toContain(exported.status);
      for (const lookup of [`/api/rooms/${encoded}`, `/api/view/${encoded}`]) expect([400, 404]).toContain((await rawRequest(fixture.server.httpUrl, { path: lookup })).status);
    }
    for (const key of hostileIds) {
      // A well-formed room with a malformed key: the room is looked up, the key never is.
      expect((await tryUpgrade(`${fixture.server.wsUrl}/sync/${room.roomId}?key=${encodeURIComponent(key)}`)).status).toBe(403);
      const exported = await rawRequest(fixture.server.httpUrl, { path: `/api/rooms/${room.roomId}/export`, headers: { Authorization: `Bearer ${key}` } });
      expect(exported.status).toBe(401);
    }
    // One room lookup per well-formed-room request above; never a key comparison.
    expect(lookups).toBe(hostileIds.length * 2);
  });

  it('keys are compared through fixed-length hashes (constant time, no length leak) and only hashes are stored', async () => {
    await start();
    const room = await createRoom(fixture.server.httpUrl);
    const stored = hashKey(room.facilitatorKey);
    expect(keyMatches(room.facilitatorKey, stored)).toBe(true);
    expect(keyMatches(`${room.facilitatorKey.slice(0, -1)}A`, stored)).toBe(room.facilitatorKey.endsWith('A'));
    expect(keyMatches('x', stored)).toBe(false);
    expect(keyMatches('x'.repeat(10_000), stored)).toBe(false);
    await fixture.server.close();
    const bytes = Buffer.concat(fs.readdirSync(fixture.server.dataDir).map((f) => fs.readFileSync(path.join(fixture.server.dataDir, f))));
    expect(bytes.includes(Buffer.from(room.facilitatorKey))).toBe(false);
    expect(bytes.includes(Buffer.from(room.viewerKey))).toBe(false);
    expect(bytes.includes(Buffer.from(room.roomId))).toBe(true);
  });
});

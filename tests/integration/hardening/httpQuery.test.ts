import { describe, expect, it } from 'vitest';
import { tryUpgrade } from '../../helpers/rawSocket.ts';
import { rawRequest } from '../../helpers/server.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

// Query parameters an API route does not take, or takes with another value, are a 400 that says
// what the route takes: never silently ignored (`?format=xml` used to answer JSON).

const fixture = useServerWithRoom({ per: 'file' });

const ROOM = () => fixture.room.roomId;
const auth = () => ({ Authorization: `Bearer ${fixture.room.facilitatorKey}` });

describe('API query parameters', () => {
  it.each([
    ['an export format nobody serves', () => `/api/rooms/${ROOM()}/export?format=xml`, 'GET', 'invalid_query', /"format" must be one of json, markdown, csv; got "xml"/],
    ['an export format in the wrong case', () => `/api/rooms/${ROOM()}/export?format=JSON`, 'GET', 'invalid_query', /one of json, markdown, csv/],
    ['an empty export format', () => `/api/rooms/${ROOM()}/export?format=`, 'GET', 'invalid_query', /got ""/],
    ['the format twice', () => `/api/rooms/${ROOM()}/export?format=json&format=csv`, 'GET', 'invalid_query', /"format" is given more than once/],
    ['an unknown parameter on the export', () => `/api/rooms/${ROOM()}/export?download=1`, 'GET', 'invalid_query', /Unknown query parameter "download".*takes only "format"/],
    ['a key in the query instead of the header', () => `/api/rooms/${ROOM()}/export?key=${fixture.room.facilitatorKey}`, 'GET', 'invalid_query', /Unknown query parameter "key"/],
    ['a parameter on the room', () => `/api/rooms/${ROOM()}?verbose=1`, 'GET', 'invalid_query', /takes no query parameters/],
    ['a parameter on the clock', () => '/api/time?tz=UTC', 'GET', 'invalid_query', /\/api\/time takes no query parameters/],
    ['a parameter on the history', () => `/api/rooms/${ROOM()}/history?limit=5`, 'GET', 'invalid_query', /takes no query parameters/],
    ['a parameter on the links', () => `/api/rooms/${ROOM()}/links?all=1`, 'GET', 'invalid_query', /takes no query parameters/],
    ['a title in the query of a room creation', () => '/api/rooms?title=Q3', 'POST', 'invalid_query', /takes no query parameters/],
    ['a version id that is not a number', () => `/api/rooms/${ROOM()}/history/latest`, 'GET', 'invalid_version', /whole number/],
    ['a version id of 0', () => `/api/rooms/${ROOM()}/history/0`, 'GET', 'invalid_version', /whole number from 1/],
  ])('%s is a JSON 400 that says what is taken', async (_name, path, method, code, message) => {
    const answer = await rawRequest(fixture.server.httpUrl, { method, path: path(), headers: { ...auth(), 'Content-Type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toContain('application/json');
    const body = JSON.parse(answer.body) as { error: string; message: string };
    expect(body.error).toBe(code);
    expect(body.message).toMatch(message);
  });

  it.each([
    ['', 'application/json', (body: string) => expect(JSON.parse(body)).toMatchObject({ format: 'okr-workshop-board/export' })],
    ['?format=json', 'application/json', (body: string) => expect(JSON.parse(body)).toMatchObject({ format: 'okr-workshop-board/export' })],
    ['?format=markdown', 'text/markdown', (body: string) => expect(body).toMatch(/^# /)],
    ['?format=csv', 'text/csv', (body: string) => expect(body.split('\n')[0]).toMatch(/^row_type,/)],
  ])('the export%s answers %s', async (query, type, check) => {
    const answer = await rawRequest(fixture.server.httpUrl, { path: `/api/rooms/${ROOM()}/export${query}`, headers: auth() });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toContain(type);
    check(answer.body);
  });
});

describe('websocket query parameters', () => {
  it.each([
    ['an unknown parameter', () => `/sync/${ROOM()}?token=abc`, /unknown query parameter "token".*key, ticket, seat, proto/],
    ['a proto this server does not speak', () => `/sync/${ROOM()}/control?proto=okr-requests-9`, /unknown proto "okr-requests-9": this server speaks okr-requests-1/],
    ['a key given twice', () => `/sync/${ROOM()}?key=${fixture.room.facilitatorKey}&key=${fixture.room.facilitatorKey}`, /"key" given more than once/],
    ['a ticket and a key at once', () => `/sync/${ROOM()}?ticket=abcdefghijklmnopqrstuvwx&key=${fixture.room.facilitatorKey}`, /a ticket or a key, not both/],
  ])('%s is refused with a 400 that says why', async (_name, path, message) => {
    const answer = await tryUpgrade(`${fixture.server.wsUrl}${path()}`);
    expect(answer.status).toBe(400);
    expect((JSON.parse(answer.body) as { message: string }).message).toMatch(message);
  });

  it('the parameters the app and stock clients use still open a socket', async () => {
    const answer = await tryUpgrade(`${fixture.server.wsUrl}/sync/${ROOM()}/control?key=${fixture.room.facilitatorKey}&proto=okr-requests-1&seat=httpquery-seat-secret-000001`);
    expect(answer.status).toBe(101);
  });
});

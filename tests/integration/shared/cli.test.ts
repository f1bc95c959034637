import { describe, expect, it } from 'vitest';
import { openControlClient } from '../../helpers/clients.ts';
import { runOkr } from '../../helpers/cli.ts';
import { rotate } from '../../helpers/links.ts';
import { RawClient, tryUpgrade } from '../../helpers/rawSocket.ts';
import { tempDataDir } from '../../helpers/server.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/*
 * The okr tool against DATABASE_URL (issue 12): the same rooms the instances serve, while they
 * run. Reads come from PostgreSQL; a rotation is written where the instances look for it (their
 * key watch polls keys_changed_at), so it needs no Redis and cuts old-key sockets on every instance.
 */

const REVOKED = { code: 4410, reason: 'this link no longer opens this board' };
/** Everything of an export but the moment it was made. */
const content = (exported: unknown) => ({ ...(exported as Record<string, unknown>), exportedAt: undefined });

describe('okr against DATABASE_URL', () => {
  const fixture = useSharedCluster(2);
  const track = fixture.track;
  const instances = () => fixture.cluster.instances as [Instance, Instance];
  // No data directory at all: the commands must not need one when DATABASE_URL is set.
  const okr = (...args: string[]) => runOkr(args, tempDataDir('okr-cli-none-'), { DATABASE_URL: fixture.cluster.postgres.url, PUBLIC_URL: 'https://okr.example.com' });

  it('rooms and export read the rooms the instances serve, with the edits they committed', async () => {
    const [one] = instances();
    const { roomId, facilitatorKey } = fixture.room;
    const facilitator = track(openControlClient(one.wsUrl, roomId, { key: facilitatorKey }));
    await facilitator.synced;
    facilitator.control.set({ locked: true });
    await new Promise((r) => setTimeout(r, 500));

    const rooms = await okr('rooms', '--json');
    expect(rooms.stderr).toBe('');
    expect(JSON.parse(rooms.stdout)).toEqual([expect.objectContaining({ id: roomId, title: 'Shared workshop' })]);

    const exported = await okr('export', roomId);
    expect(exported.code).toBe(0);
    const fromApi = await fetch(`${one.httpUrl}/api/rooms/${roomId}/export`, { headers: { Authorization: `Bearer ${facilitatorKey}` } }).then((r) => r.json());
    expect(content(JSON.parse(exported.stdout))).toEqual(content(fromApi));

    const missing = await okr('export', 'x'.repeat(22));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('no room');
    const unreachable = await runOkr(['rooms'], tempDataDir('okr-cli-none-'), { DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/none' });
    expect(unreachable.code).not.toBe(0);
    expect(unreachable.stderr).toContain('cannot reach PostgreSQL at postgres://nobody:***@127.0.0.1:1/none');
  }, 60_000);

  it('links --rotate-facilitator while the instances run: old-key sockets on every instance close, the new links work anywhere, the projector shows the new join link', async () => {
    const [one, two] = instances();
    const { roomId, facilitatorKey, viewerKey } = fixture.room;
    const participant = await rotate(one.httpUrl, roomId, facilitatorKey, 'participant');
    const sockets = await Promise.all([RawClient.open(`${one.wsUrl}/sync/${roomId}?key=${facilitatorKey}`), RawClient.open(`${two.wsUrl}/view/${viewerKey}`), RawClient.open(`${two.wsUrl}/sync/${roomId}?key=${participant.participantKey}`)]);
    for (const socket of sockets) track({ destroy: () => socket.ws.terminate() });

    const result = await okr('links', roomId, '--rotate-facilitator', '--json');
    expect(result.stderr).toBe('');
    const issued = JSON.parse(result.stdout) as { facilitatorKey: string; viewerKey: string; participantUrl: string };
    expect(issued.participantUrl).toMatch(/^https:\/\/okr\.example\.com\/r\//);
    for (const socket of sockets) expect(await socket.closed).toEqual(REVOKED);

    expect((await tryUpgrade(`${two.wsUrl}/sync/${roomId}?key=${facilitatorKey}`)).status).toBe(410);
    expect((await tryUpgrade(`${one.wsUrl}/sync/${roomId}?key=${issued.facilitatorKey}`)).status).toBe(101);
    const projector = track(openControlClient(one.wsUrl, roomId, { viewerKey: issued.viewerKey }));
    await projector.synced;
    await expect.poll(() => projector.control.state().joinUrl, { timeout: 5_000 }).toBe(issued.participantUrl);
  }, 60_000);
});

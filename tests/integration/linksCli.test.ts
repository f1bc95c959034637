import { describe, expect, it } from 'vitest';
import { eventually } from '../helpers/clients.ts';
import { tryUpgrade } from '../helpers/rawSocket.ts';
import { tempDataDir } from '../helpers/server.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';
import { runOkr } from '../helpers/cli.ts';
import { expectOneConsistentKeySet, issuedFrom, reissueWithCli, tryRotate } from '../helpers/rotationRace.ts';

/*
 * `okr links <room> --rotate-facilitator`: an operator's way back into a board whose facilitator
 * link was lost, run as its own process against the running server's store.
 */

const fixture = useServerWithRoom({ config: { dataDir: tempDataDir('okr-links-cli-') }, room: 'Lost link' });

const runCli = (args: string[]) => runOkr(args, fixture.server.dataDir);

describe('okr links --rotate-facilitator', () => {
  it('closes connected facilitator (and projector) sockets, and the new links work', async () => {
    const { roomId, facilitatorKey, viewerKey } = fixture.room;
    const facilitatorBoard = await fixture.raw(`/sync/${roomId}?key=${facilitatorKey}`);
    const facilitatorControl = await fixture.raw(`/sync/${roomId}/control?key=${facilitatorKey}`);
    const projector = await fixture.raw(`/view/${viewerKey}`);
    const participant = fixture.board();
    await participant.synced;

    const result = await runCli(['links', roomId, '--rotate-facilitator', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const issued = JSON.parse(result.stdout) as { facilitatorKey: string; viewerKey: string; facilitatorUrl: string; participantUrl: string; participantKey: string | null };
    expect(issued.facilitatorUrl).toBe(`http://localhost:8080/r/${roomId}#key=${issued.facilitatorKey}`);
    expect(issued.participantUrl).toBe(`http://localhost:8080/r/${roomId}`);
    expect(issued.participantKey).toBeNull();

    const revoked = { code: 4410, reason: 'this link no longer opens this board' };
    expect(await facilitatorBoard.closed).toEqual(revoked);
    expect(await facilitatorControl.closed).toEqual(revoked);
    expect(await projector.closed).toEqual(revoked);
    expect((await fetch(`${fixture.server.httpUrl}/api/rooms/${roomId}`, { headers: { Authorization: `Bearer ${facilitatorKey}` } })).status).toBe(410);
    expect((await tryUpgrade(`${fixture.server.wsUrl}/sync/${roomId}?key=${facilitatorKey}`)).status).toBe(410);

    const facilitator = fixture.control({ key: issued.facilitatorKey });
    await facilitator.synced;
    facilitator.control.set({ step: 'draft' });
    const watcher = fixture.control();
    await eventually(() => watcher.control.state().step === 'draft', 'the new facilitator key moves the group');
    const viewer = fixture.board({ viewerKey: issued.viewerKey });
    await viewer.synced;
    // The participant link was never rotated: it is unchanged and its holder stays connected.
    expect(participant.provider.wsconnected).toBe(true);
    const links = await fetch(`${fixture.server.httpUrl}/api/rooms/${roomId}/links`, { headers: { Authorization: `Bearer ${issued.facilitatorKey}` } });
    expect(await links.json()).toMatchObject({ viewerKey: issued.viewerKey });
  });

  it('two runs at once while the facilitator keeps rotating links in the server: they take turns (one write lock), the last wins, nothing is left half-rotated', async () => {
    const { room } = fixture;
    const issued = issuedFrom(room);
    const { httpUrl } = fixture.server;
    // A participant key first, so a reissue replaces all three links.
    expect(await tryRotate(httpUrl, room.roomId, room.facilitatorKey, 'participant', issued)).toBe(200);
    let tools = 2;
    const runs = [0, 1].map(() => reissueWithCli(room.roomId, fixture.server.dataDir, {}, issued).finally(() => tools--));
    const statuses: number[] = [];
    const facilitating = (async () => {
      for (let i = 0; tools > 0; i++) statuses.push(await tryRotate(httpUrl, room.roomId, room.facilitatorKey, i % 2 ? 'viewer' : 'participant', issued));
    })();
    await Promise.all([...runs, facilitating]);
    expect(statuses.filter((status) => status !== 200 && status !== 410)).toEqual([]);
    expect(statuses.at(-1)).toBe(410);
    const current = await expectOneConsistentKeySet([httpUrl], room.roomId, issued);
    expect(issued.facilitator.slice(1)).toContain(current.facilitatorKey);
  }, 60_000);

  it('prints the links for people, and asks for --rotate-facilitator (exit 2) rather than pretend to show old ones', async () => {
    const { roomId } = fixture.room;
    const refused = await runCli(['links', roomId]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/only hashes of a room's keys are stored.*add --rotate-facilitator/);
    const unknown = await runCli(['links', 'Z'.repeat(24), '--rotate-facilitator']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no room Z{24}/);
    const printed = await runCli(['links', `http://localhost:8080/r/${roomId}`, '--rotate-facilitator']);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toMatch(/New links for "Lost link"/);
    expect(printed.stdout).toMatch(new RegExp(`Facilitator: +http://localhost:8080/r/${roomId}#key=[A-Za-z0-9_-]{24}`));
  });
});

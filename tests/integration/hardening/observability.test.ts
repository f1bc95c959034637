import { afterEach, describe, expect, it } from 'vitest';
import { createRoom, spawnServer, stopServer, tempDataDir, type ServerProcess } from '../../helpers/server.ts';
import { eventually, openBoardClient, openControlClient } from '../../helpers/clients.ts';
import { RawClient, tryUpgrade } from '../../helpers/rawSocket.ts';
import { scrapeMetrics } from '../../helpers/metrics.ts';

const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

describe('observability', () => {
  it('a full session: /metrics shows every required series moving; logs are JSON with levels and never hold a key', async () => {
    const server: ServerProcess = await spawnServer(tempDataDir(), { LOG_LEVEL: 'trace', ROOM_IDLE_MS: '200' });
    cleanup.push(() => stopServer(server, 'SIGKILL'));
    const room = await createRoom(server.httpUrl, 'Observed');

    // Everything a key can travel through: the facilitator's sockets, export, wrong keys.
    const board = openBoardClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    const participant = openBoardClient(server.wsUrl, room.roomId);
    const viewer = openBoardClient(server.wsUrl, '', { viewerKey: room.viewerKey });
    cleanup.push(board.destroy, control.destroy, participant.destroy, viewer.destroy);
    await Promise.all([board.synced, control.synced, participant.synced, viewer.synced]);
    // Three edits, each stored before the next is made: the server stores a turn's changes to every
    // document in one write, so edits from three clients in the same turn would be one.
    const writes = async () => (await scrapeMetrics(server.httpUrl)).value('okr_store_write_seconds_count');
    const storedAfter = async (edit: () => void, what: string) => {
      const before = await writes();
      edit();
      for (const started = Date.now(); (await writes()) <= before; await new Promise((r) => setTimeout(r, 20))) {
        if (Date.now() - started > 10_000) throw new Error(`timed out waiting for: ${what} is stored`);
      }
    };
    await storedAfter(() => board.board.addContextItem({ kind: 'mission', text: 'Make checkout effortless' }), 'the context item');
    await storedAfter(() => control.control.setStep('draft'), 'the step');
    await storedAfter(() => participant.board.addCandidate({ text: 'Delight first-time buyers' }), 'the candidate');
    await eventually(() => viewer.board.candidates.list().length === 1, 'the viewer sees the edits');

    const during = await scrapeMetrics(server.httpUrl);
    for (const name of [
      'okr_rooms_loaded',
      'okr_connections',
      'okr_messages_in_total',
      'okr_messages_out_total',
      'okr_bytes_in_total',
      'okr_bytes_out_total',
      'okr_store_write_seconds_bucket',
      'okr_broadcasts_total',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'process_resident_memory_bytes',
    ]) {
      expect(during.has(name), name).toBe(true);
    }
    expect(during.value('okr_rooms_loaded')).toBe(1);
    expect(during.value('okr_connections')).toBe(4);
    expect(during.value('okr_store_write_seconds_count')).toBeGreaterThanOrEqual(3);
    expect(during.value('okr_bytes_in_total')).toBeGreaterThan(0);
    expect(during.value('okr_bytes_out_total')).toBeGreaterThan(during.value('okr_bytes_in_total'));
    expect(during.text).toMatch(/# TYPE okr_store_write_seconds histogram/);

    const exported = await fetch(`${server.httpUrl}/api/rooms/${room.roomId}/export`, { headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
    expect(exported.status).toBe(200);
    const wrongKey = `${room.facilitatorKey.slice(0, -2)}zz`;
    expect((await fetch(`${server.httpUrl}/api/rooms/${room.roomId}/export`, { headers: { Authorization: `Bearer ${wrongKey}` } })).status).toBe(401);
    expect((await tryUpgrade(`${server.wsUrl}/sync/${room.roomId}?key=${wrongKey}`)).status).toBe(403);
    expect((await fetch(`${server.httpUrl}/r/${room.roomId}?key=${room.facilitatorKey}`)).status).toBeLessThan(500);
    const bad = await RawClient.open(`${server.wsUrl}/sync/${room.roomId}?key=${room.facilitatorKey}`);
    bad.send(new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0x0f]));
    expect((await bad.closed).code).toBe(1007);

    for (const c of [board, control, participant, viewer]) c.destroy();
    await eventually(() => server.output().includes('"room unloaded"'), 'the room unloads after ROOM_IDLE_MS');
    const after = await scrapeMetrics(server.httpUrl);
    expect(after.value('okr_rooms_loaded')).toBe(0);
    expect(after.value('okr_connections')).toBe(0);
    expect(after.value('okr_connections_closed_total', { cause: 'malformed' })).toBe(1);
    expect(after.value('okr_upgrades_refused_total', { status: '403' })).toBe(1);
    expect(await stopServer(server, 'SIGTERM')).toBe(0);

    const output = server.output();
    expect(output).not.toContain(room.facilitatorKey);
    expect(output).not.toContain(room.viewerKey);
    expect(output).not.toContain(wrongKey);
    const logLines = output.split('\n').filter((line) => line.startsWith('{'));
    expect(logLines.length).toBeGreaterThan(10);
    const levels = new Set<number>();
    for (const line of logLines) {
      const entry = JSON.parse(line) as { level: number; time: number; msg: string };
      expect(typeof entry.level).toBe('number');
      expect(typeof entry.time).toBe('number');
      expect(typeof entry.msg).toBe('string');
      levels.add(entry.level);
    }
    // debug (room loaded, connection opened), info (closing connection, shutdown)
    expect(levels.has(20) && levels.has(30)).toBe(true);
    // Every line is either a JSON log entry or the human start-up banner.
    const other = output.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('{'));
    for (const line of other) expect(line).toMatch(/^ {2}(OKR workshop board is running\.|Open:|On your LAN:|Room full of devices\?|Rooms are kept in)/);
  });
});

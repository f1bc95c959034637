import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, okrExportSchema, type OkrExport } from '@okr/shared/export';
import { findingSchema } from '@okr/shared/review';
import { readRoomDocs } from '../../server/src/store/readRoom.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { assertValidExport } from '../helpers/exportSchema.ts';
import { REPO_ROOT, tempDataDir } from '../helpers/server.ts';
import { useServerWithRoom } from '../helpers/useServerWithRoom.ts';
import { runOkr } from '../helpers/cli.ts';

/*
 * The command-line tool as people run it: its own process, against the data directory a real server
 * filled through stock clients, while that server runs and after it has stopped.
 */

/** The CLI's `--json` findings, each checked against the one finding schema. */
const parseFindings = (stdout: string) => (JSON.parse(stdout) as unknown[]).map((finding) => findingSchema.parse(finding));



const fixture = useServerWithRoom({ per: 'file', config: { dataDir: tempDataDir('okr-cli-data-') }, room: 'Checkout team OKRs' });
let scratch: string;

const runCli = (args: string[], env: Record<string, string> = {}) => runOkr(args, fixture.server.dataDir, env);

/** A file in this test's scratch folder, written as JSON unless given as text. */
function scratchFile(name: string, content: unknown): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return file;
}

function withoutTime(file: OkrExport): Omit<OkrExport, 'exportedAt'> {
  const { exportedAt: _exportedAt, ...rest } = file;
  return rest;
}

/** The export as the CLI prints it, checked against zod and the committed JSON Schema file. */
async function exportJson(roomId: string, env: Record<string, string> = {}): Promise<OkrExport> {
  const result = await runCli(['export', roomId], env);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const json: unknown = JSON.parse(result.stdout);
  assertValidExport(json);
  return okrExportSchema.parse(json);
}

beforeAll(async () => {
  scratch = tempDataDir('okr-cli-files-');

  // Written the way the app writes: a facilitator's stock clients on both documents.
  const boardClient = openBoardClient(fixture.server.wsUrl, fixture.room.roomId, { key: fixture.room.facilitatorKey });
  const controlClient = openControlClient(fixture.server.wsUrl, fixture.room.roomId, { key: fixture.room.facilitatorKey });
  await Promise.all([boardClient.synced, controlClient.synced]);
  const board = boardClient.board;
  board.updateWorkshop({ team: 'Checkout', cycleLabel: 'Q3 2026', cycleStart: '2026-07-01', cycleEnd: '2026-09-30', firstCheckIn: '2026-07-08' });
  board.addContextItem({ id: 'ctx-strategy', kind: 'product-strategy', text: 'Win repeat buyers in the EU', link: 'https://wiki.example.com/strategy' });
  board.addCandidate({ id: 'cand-checkout', text: 'Checkout feels effortless for returning customers', authorName: 'Ana Lima' });
  board.addCandidate({ id: 'cand-mobile', text: 'Mobile app reaches parity with web', authorName: 'Ben Okafor' });
  board.addParkedItem({
    id: 'parked-mobile',
    text: 'Mobile app reaches parity with web',
    reason: 'Depends on the platform team\'s Q4 release',
    ownerName: 'Ben Okafor',
    ownerEmail: 'ben@example.com',
    candidateId: 'cand-mobile',
  });
  board.addKeyResult({
    id: 'kr-conversion',
    title: 'Checkout conversion rate from 58% to 65% by 30 Sep',
    metricName: 'Checkout conversion rate',
    unit: '%',
    type: 'metric',
    direction: 'increase',
    baseline: 58,
    target: 65,
    deadline: '2026-09-30',
    ownerName: 'Ana Lima',
    ownerEmail: 'ana@example.com',
    confidence: 0.6,
    leadLag: 'lagging',
  });
  board.addKeyResult({ id: 'kr-abandon', title: 'Reduce cart abandonment from 70% to 60% by 15 Sep', ownerName: 'Chloé Martin', leadLag: 'leading' });
  board.addKeyResult({ id: 'kr-csat', title: 'Avg. customer satisfaction score > 8', ownerName: 'Ben Okafor' });
  board.addInitiative({ id: 'init-reminder', title: 'Cart reminder emails', ownerName: 'Dan Weiss', ownerEmail: 'dan@example.com', keyResultIds: ['kr-abandon'] });
  board.dismissFinding('kr-has-deadline:kr-csat', 'Ana Lima');
  controlClient.control.setObjective({
    candidateId: 'cand-checkout',
    title: 'Checkout feels effortless for returning customers',
    commitment: 'committed',
    contextIds: ['ctx-strategy'],
    tally: [
      { candidateId: 'cand-checkout', text: 'Checkout feels effortless for returning customers', votes: 5 },
      { candidateId: 'cand-mobile', text: 'Mobile app reaches parity with web', votes: 2 },
    ],
    rationale: 'Biggest lever on repeat revenue.',
    decidedAt: '2026-07-03T09:30:00.000Z',
  });
  await eventually(() => {
    const stored = readRoomDocs(fixture.server.store, fixture.room.roomId);
    return stored.board.initiatives.list().length === 1 && stored.board.dismissedFindings().size === 1 && stored.control.state().objective !== null;
  }, 'the clients\' edits are stored');
  boardClient.destroy();
  controlClient.destroy();
});

afterAll(async () => {
  // The fixture would stop the server after this hook: stop it before its files go.
  await fixture.server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.rmSync(fixture.server.dataDir, { recursive: true, force: true });
});

describe('okr command-line tool, server running', () => {
  let running: OkrExport;

  it('export prints the JSON export, valid against the schema file, with owners\' emails', async () => {
    running = await exportJson(fixture.room.roomId);
    expect(running.workshop).toEqual({ title: 'Checkout team OKRs', team: 'Checkout', cycle: { label: 'Q3 2026', start: '2026-07-01', end: '2026-09-30' } });
    expect(running.objective?.title).toBe('Checkout feels effortless for returning customers');
    expect(running.keyResults.map((kr) => kr.id)).toEqual(['kr-conversion', 'kr-abandon', 'kr-csat']);
    expect(running.keyResults[0]?.owner).toEqual({ name: 'Ana Lima', email: 'ana@example.com' });
    expect(running.initiatives[0]?.owner).toEqual({ name: 'Dan Weiss', email: 'dan@example.com' });
    expect(running.parked[0]?.owner).toEqual({ name: 'Ben Okafor', email: 'ben@example.com' });
    expect(running.dismissedFindings).toEqual(['kr-has-deadline:kr-csat']);
  });

  it('export --format md prints the Markdown summary', async () => {
    const result = await runCli(['export', fixture.room.roomId, '--format', 'md']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^# Checkout team OKRs\n/);
    expect(result.stdout).toContain('**Checkout feels effortless for returning customers** (committed)');
    expect(result.stdout).toContain('1. **Checkout conversion rate from 58% to 65% by 30 Sep** — 58% → 65% by 2026-09-30 · owner: Ana Lima (ana@example.com)');
    expect(result.stdout).toContain('- **Cart reminder emails** — owner: Dan Weiss (dan@example.com) · serves KR 2');
  });

  it('export -f csv prints one CRLF row per key result, initiative and parked item under the importers\' header', async () => {
    const result = await runCli(['export', fixture.room.roomId, '-f', 'csv']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const lines = result.stdout.split('\r\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    const rowTypes = lines.slice(1, -1).map((line) => line.split(',')[0]);
    expect(rowTypes.filter((type) => type === 'key_result')).toHaveLength(3);
    expect(rowTypes.filter((type) => type !== 'key_result')).toEqual([...running.initiatives.map(() => 'initiative'), ...running.parked.map(() => 'parked')]);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toContain(',58,65,2026-09-30,Ana Lima,ana@example.com,3 / 5,lagging');
  });

  it('export --out writes the file and prints only where it went; a room link works as the id', async () => {
    const out = path.join(scratch, 'checkout.json');
    const result = await runCli(['export', fixture.room.participantUrl, '--out', out]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Wrote .*checkout\.json: "Checkout team OKRs" as JSON \(\d+ bytes\)\.\n$/);
    const written: unknown = JSON.parse(fs.readFileSync(out, 'utf8'));
    assertValidExport(written);
    expect(withoutTime(okrExportSchema.parse(written))).toEqual(withoutTime(running));
    expect(fs.readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('rooms lists title, creation time and last activity, as a table and as JSON', async () => {
    const table = await runCli(['rooms']);
    expect(table).toMatchObject({ code: 0, stderr: '' });
    const [header, ...rows] = table.stdout.split('\n');
    expect(header).toMatch(/^ROOM\s+TITLE\s+CREATED\s+LAST ACTIVITY$/);
    expect(rows.find((row) => row.startsWith(fixture.room.roomId))).toMatch(/Checkout team OKRs\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(table.stdout).toContain(`1 room in ${fixture.server.dataDir}`);

    const json = await runCli(['rooms', '--json']);
    expect(json).toMatchObject({ code: 0, stderr: '' });
    const listed = JSON.parse(json.stdout) as { id: string; title: string; createdAt: string; lastActivity: string }[];
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: fixture.room.roomId, title: 'Checkout team OKRs' });
    const stored = fixture.server.store.getRoom(fixture.room.roomId);
    expect(listed[0]?.createdAt).toBe(new Date(stored?.createdAt ?? 0).toISOString());
    // A busy room's last activity reaches the file at most every 10 s (server/src/store/roomStore.ts),
    // and the tool reads the file beside the running server: it may be behind the server's by that.
    const behind = (stored?.lastActivity ?? 0) - Date.parse(listed[0]?.lastActivity ?? '');
    expect(behind).toBeGreaterThanOrEqual(0);
    expect(behind).toBeLessThanOrEqual(10_000);
    expect(Date.parse(listed[0]?.lastActivity ?? '')).toBeGreaterThan(Date.parse(listed[0]?.createdAt ?? ''));
  });

  describe('review', () => {
    it('exits 0 on an export whose findings hold no error, leaving out the ones dismissed on the board', async () => {
      const file = scratchFile('export.json', running);
      const text = await runCli(['review', file]);
      expect(text).toMatchObject({ code: 0, stderr: '' });
      expect(text.stdout.split('\n')[0]).toMatch(/^.*export\.json: .*\(1 dismissed on the board not shown\)$/);
      expect(text.stdout).not.toContain('[error]');

      const json = await runCli(['review', file, '--json']);
      expect(json).toMatchObject({ code: 0, stderr: '' });
      const findings = parseFindings(json.stdout);
      expect(findings).toEqual(running.findings);
    });

    it('reviews a stored room by id or link as it reviews the room\'s export, under the room\'s id and title', async () => {
      const { roomId } = fixture.room;
      const json = await runCli(['review', roomId, '--json']);
      expect(json).toMatchObject({ code: 0, stderr: '' });
      expect(parseFindings(json.stdout)).toEqual(running.findings);
      const text = await runCli(['review', `${fixture.server.httpUrl}/r/${roomId}#key=${fixture.room.facilitatorKey}`]);
      expect(text).toMatchObject({ code: 0, stderr: '' });
      expect(text.stdout.split('\n')[0]).toMatch(new RegExp(`^room ${roomId} "Checkout team OKRs": .*\\(1 dismissed on the board not shown\\)$`));
      const fromFile = await runCli(['review', scratchFile('export.json', running)]);
      expect(text.stdout.split('\n').slice(1)).toEqual(fromFile.stdout.split('\n').slice(1));
    });

    it('exits 1 when a finding is an error, with and without --json', async () => {
      const file = scratchFile('draft.json', { objective: 'Checkout feels effortless for returning customers' });
      const text = await runCli(['review', file]);
      expect(text).toMatchObject({ code: 1, stderr: '' });
      expect(text.stdout).toContain('1 error');
      expect(text.stdout).toMatch(/^\[error\]\s+kr-count \(objective\): /m);

      const json = await runCli(['review', file, '--json']);
      expect(json).toMatchObject({ code: 1, stderr: '' });
      const findings = parseFindings(json.stdout);
      expect(findings).toContainEqual(expect.objectContaining({ rule: 'kr-count', severity: 'error', target: { kind: 'objective', id: 'objective' } }));
    });

    it('reads a draft written as sentences, and exits 0 when nothing is an error', async () => {
      const file = scratchFile('sentences.json', {
        objective: 'Checkout feels effortless for returning customers',
        keyResults: ['Checkout conversion rate from 58% to 65% by 30 Sep', 'Build a tool to remind people of their shopping cart'],
      });
      const json = await runCli(['review', file, '--json']);
      expect(json).toMatchObject({ code: 0, stderr: '' });
      const findings = parseFindings(json.stdout);
      expect(findings).toContainEqual(expect.objectContaining({ rule: 'kr-is-initiative', target: { kind: 'keyResult', id: 'kr-2' } }));
      expect(findings.filter((finding) => finding.target.id === 'kr-1' && finding.rule.startsWith('kr-has-'))).toEqual([
        expect.objectContaining({ rule: 'kr-has-owner' }),
      ]);
    });

    it.each([['text', []], ['--json', ['--json']]])('exits 2 on input of the wrong shape (%s), naming the field', async (_name, flags) => {
      const file = scratchFile('wrong.json', { objective: 'Checkout', keyResults: ['Conversion', 'Churn', { title: 'CSAT', baseline: '58%' }] });
      const result = await runCli(['review', file, ...flags]);
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toBe(`okr review: ${file}: keyResults[2].baseline: expected a number, got "58%"\n`);
    });
  });

  describe('import', () => {
    it('makes a room from an export, on PUBLIC_URL, that the server opens and that exports the same OKR', async () => {
      const file = scratchFile('to-import.json', running);
      const result = await runCli(['import', file, '--json'], { PUBLIC_URL: fixture.server.httpUrl });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      const created = JSON.parse(result.stdout) as Record<string, string>;
      const roomId = created.roomId ?? '';
      expect(created).toEqual({
        roomId: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
        title: 'Checkout team OKRs',
        facilitatorKey: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
        viewerKey: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/),
        participantUrl: `${fixture.server.httpUrl}/r/${roomId}`,
        facilitatorUrl: `${fixture.server.httpUrl}/r/${roomId}#key=${created.facilitatorKey}`,
        viewerUrl: `${fixture.server.httpUrl}/v/${created.viewerKey}`,
      });
      expect(fixture.server.store.isFacilitatorKey(roomId, created.facilitatorKey ?? '')).toBe(true);

      const again = await exportJson(roomId);
      expect(withoutTime(again)).toEqual(withoutTime(running));

      // The running server serves the room the CLI stored, to a stock client, with the facilitator's QR link.
      const client = openBoardClient(fixture.server.wsUrl, roomId);
      const control = openControlClient(fixture.server.wsUrl, roomId);
      await Promise.all([client.synced, control.synced]);
      expect(client.board.keyResults.list().map((kr) => kr.title)).toEqual(running.keyResults.map((kr) => kr.title));
      expect(control.control.state().joinUrl).toBe(created.participantUrl);
      client.destroy();
      control.destroy();

      const http = await fetch(`${fixture.server.httpUrl}/api/rooms/${roomId}/export`, { headers: { Authorization: `Bearer ${created.facilitatorKey}` } });
      expect(http.status).toBe(200);
      const viaHttp: unknown = await http.json();
      assertValidExport(viaHttp);
      expect(withoutTime(viaHttp)).toEqual(withoutTime(running));
    });

    it('makes a room from a pre-work file and prints its links on localhost:PORT and its keys', async () => {
      const prework = path.join(REPO_ROOT, 'shared/src/export/__fixtures__/sample.prework.v1.json');
      const result = await runCli(['import', prework], { PORT: '9123' });
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('Created room "Checkout team OKRs" from a pre-work file.');
      const roomId = /Room id:\s+(\S+)/.exec(result.stdout)?.[1] ?? '';
      const facilitatorKey = /Facilitator key:\s+(\S+)/.exec(result.stdout)?.[1] ?? '';
      const viewerKey = /Viewer key:\s+(\S+)/.exec(result.stdout)?.[1] ?? '';
      expect(result.stdout).toMatch(new RegExp(`Participants:\\s+http://localhost:9123/r/${roomId}\\n`));
      expect(result.stdout).toContain(`http://localhost:9123/r/${roomId}#key=${facilitatorKey}`);
      expect(result.stdout).toContain(`http://localhost:9123/v/${viewerKey}`);
      expect(fixture.server.store.isFacilitatorKey(roomId, facilitatorKey)).toBe(true);

      const exported = await exportJson(roomId);
      expect(exported.context.map((item) => item.text)).toEqual(['Make buying online feel effortless', 'Win repeat buyers in the EU', 'Checkout conversion is 58%']);
      expect(exported.candidates.map((candidate) => candidate.status)).toEqual(['unsorted', 'unsorted']);
      expect(exported.tracking).toEqual({ checkInCadence: 'weekly', firstCheckIn: '2026-07-08' });
    });
  });

  describe('bad input: one message on stderr, exit 2, nothing written', () => {
    const cases: [name: string, args: () => string[], message: string][] = [
      ['a file that is not JSON (review)', () => ['review', scratchFile('broken.json', '{ "objective": "x",\n  "keyResults": [\n}')], 'is not valid JSON'],
      ['a file that is not JSON (import)', () => ['import', scratchFile('broken.json', '{ "format": ')], 'is not valid JSON'],
      ['an empty file', () => ['import', scratchFile('empty.json', '')], 'is empty'],
      ['a field of the wrong type in an export (import)', () => ['import', scratchFile('bad-export.json', withBadBaseline())], 'keyResults[2].baseline: expected a number, got "58%"'],
      ['a field of the wrong type in an export (review)', () => ['review', scratchFile('bad-export.json', withBadBaseline())], 'keyResults[2].baseline: expected a number, got "58%"'],
      ['a file that is neither export nor pre-work (import)', () => ['import', scratchFile('draft.json', { objective: 'x' })], 'format: expected "okr-workshop-board/export" or "okr-workshop-board/prework"'],
      ['an export from a newer app', () => ['import', scratchFile('v9.json', { format: 'okr-workshop-board/export', version: 9 })], 'version: 9 is newer than this app reads'],
      ['a file that does not exist', () => ['import', path.join(scratch, 'nowhere.json')], 'nowhere.json: no such file'],
      ['an unknown room', () => ['export', 'AAAAAAAAAAAAAAAAAAAAAAAA', '--out', outFile()], 'no room AAAAAAAAAAAAAAAAAAAAAAAA in'],
      ['a malformed room id', () => ['export', 'not-a-room', '--out', outFile()], '"not-a-room" is not a room id'],
      ['a missing room id', () => ['export', '--out', outFile()], 'missing <roomId>'],
      ['a missing file', () => ['review'], 'missing <file|roomId>'],
      ['an unknown room (review)', () => ['review', 'AAAAAAAAAAAAAAAAAAAAAAAA'], 'no room AAAAAAAAAAAAAAAAAAAAAAAA in'],
      ['an unknown format', () => ['export', fixture.room.roomId, '--format', 'xml', '--out', outFile()], '--format: expected json, md or csv, got "xml"'],
      ['--format without a value', () => ['export', fixture.room.roomId, '--format'], '--format needs a value'],
      ['an unknown option', () => ['rooms', '--verbose'], 'unknown option --verbose'],
      ['an extra argument', () => ['review', 'a.json', 'b.json'], 'unexpected argument "b.json"'],
      ['--out in a folder that does not exist', () => ['export', fixture.room.roomId, '--out', path.join(scratch, 'missing-folder', 'x.json')], 'the folder'],
      ['an unknown command', () => ['frobnicate'], 'unknown command "frobnicate"'],
    ];

    it.each(cases)('%s', async (_name, args, message) => {
      const argv = args();
      const roomsBefore = fixture.server.store.listRooms().length;
      const filesBefore = fs.readdirSync(scratch).sort();
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      // One message: its own lines only, and never a stack trace.
      expect(result.stderr.match(/^okr( \w+)?: /gm)).toHaveLength(1);
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(fixture.server.store.listRooms()).toHaveLength(roomsBefore);
      expect(fs.readdirSync(scratch).sort()).toEqual(filesBefore);
    });

    it('a data folder without a store is reported, and a failed import does not create one', async () => {
      const missing = path.join(scratch, 'no-data-here');
      const result = await runCli(['rooms'], { DATA_DIR: missing });
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toBe(`okr rooms: no rooms stored in ${missing}: set DATA_DIR to the server's data folder (default ./data)\n`);
      expect(fs.existsSync(missing)).toBe(false);

      const failedImport = await runCli(['import', scratchFile('broken.json', '{')], { DATA_DIR: missing });
      expect(failedImport).toMatchObject({ code: 2, stdout: '' });
      expect(fs.existsSync(missing)).toBe(false);
    });

    it('a bad environment variable is named', async () => {
      const result = await runCli(['rooms'], { PORT: 'eighty' });
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(/^okr rooms: Invalid environment: PORT: /);
    });
  });

  it('help, no command and --help print usage and exit 0', async () => {
    for (const args of [[], ['help'], ['--help']]) {
      const result = await runCli(args);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout).toContain('okr export <roomId> [--format json|md|csv] [--out FILE]');
      expect(result.stdout).toContain('okr import <file>');
    }
    const one = await runCli(['review', '--help']);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout).toMatch(/^usage: okr review <file\|roomId> \[--json\]\n/);
  });

  it('export works the same with the server stopped', async () => {
    await fixture.server.close();
    const stopped = await exportJson(fixture.room.roomId);
    expect(withoutTime(stopped)).toEqual(withoutTime(running));
    const csv = await runCli(['export', fixture.room.roomId, '--format', 'csv']);
    expect(csv).toMatchObject({ code: 0, stderr: '' });
  });

  function withBadBaseline(): OkrExport {
    return { ...running, keyResults: running.keyResults.map((kr, index) => (index === 2 ? { ...kr, baseline: '58%' as unknown as number } : kr)) };
  }
});

/** A path for --out that must still not exist after a failed command. */
function outFile(): string {
  return path.join(scratch, 'must-not-exist.json');
}

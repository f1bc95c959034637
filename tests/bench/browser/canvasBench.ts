import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import type { CDPSession } from 'playwright-core';
import { BoardDoc } from '@okr/shared/doc';
import { GAP, NOTE_H, NOTE_W } from '@okr/shared/workshop';
import { artifactDir, launchBrowser, newDevice } from '../../helpers/browser.ts';
import { LightClient, type RoomTarget } from '../loadgen/lightClient.ts';
import { runGenerator, ServerUnderTest, REPO_ROOT, tempDir } from '../servers.ts';
import { round } from '../stats.ts';
import { summariseProfile, type Profile, type ProfileSummary } from '../profile.ts';
import { PAGE_PROBE } from './pageProbe.ts';
import { RENDER_PROBE } from './renderProbe.ts';
import { sourceLabel } from './sourceMaps.ts';
import { buildClient, distribution, frameStats, longTaskStats, type Distribution, type Frames, type LongTasks } from './boardBench.ts';

export type CanvasBenchParams = {
  notes: number;
  seconds: number;
  /** Case 1 (issue 10): one remote note dragged this many times a second, dropped (written) once a second. */
  dragsPerSecond: number;
  /** Case 1: remote edits of random notes' text per second. */
  editsPerSecond: number;
  /** Case 2 (issue 11): remote cursors, each moving this many times a second. */
  cursors: number;
  cursorHz: number;
  /** A second, unmeasured pass of each case under Chrome's profiler. */
  profile: boolean;
  /** Which cases to run (all by default). */
  cases?: readonly CanvasCase['name'][];
};

export const CANVAS_FULL: CanvasBenchParams = { notes: 300, seconds: 15, dragsPerSecond: 30, editsPerSecond: 20, cursors: 30, cursorHz: 20, profile: true };

export type CanvasCase = {
  name: 'idle' | 'drag and edit' | 'cursors';
  /** A board update (edit or drop): y-websocket's handler, the store and React's synchronous render and commit (ms). */
  perUpdate: Distribution;
  /** The same plus forced style and layout (every other update). */
  perUpdateWithLayout: Distribution;
  /**
   * The same two, by kind of update: `drop` (the message writes a note's place; the server merges a
   * turn's updates, so an edit that arrived in the same turn rides along) and `text edit` (the rest).
   */
  perUpdateByKind: Partial<Record<UpdateKind, { script: Distribution; withLayout: Distribution }>>;
  /** A presence message (drag or cursor): the handler and what it does at once (the dragged note moves in it). */
  perPresence: Distribution;
  /** The page's main thread per second of the run, from the DevTools protocol's Performance metrics (ms). */
  perSecond: { scriptMs: number; layoutMs: number; styleMs: number; taskMs: number };
  longTasks: LongTasks;
  frames: Frames;
  /** What the page shows at the end: the remote's last text, its last drop, and every remote cursor. */
  shown: { lastEdit: boolean; lastDrop: boolean; cursors: number };
  /**
   * From the second, unmeasured pass: notes React re-rendered, per commit and per board update
   * received. Rendering only what changed keeps it near one per update (the edited note), not 300.
   * `canvasRenders`: the canvas's own renders (the step's canvas, its layout and drawing), which
   * only a drop should cause, never a text edit; `drops` is how many of the updates were drops.
   */
  renders: { noteRenders: number; canvasRenders: number; commits: number; boardUpdates: number; drops: number; perBoardUpdate: number };
  profile: ProfileSummary | null;
};

export type UpdateKind = 'drop' | 'text edit';

/**
 * How the page probe tells the kinds apart: a drop writes the note's new place, `{ x, y }`, which
 * a Yjs update encodes as lib0's `writeAny` object (118), of 2 keys, the first "x" (length 1, then
 * 120); a text edit inserts a Y.Text string and writes no object. (The key "pos" itself is not in
 * the update: an overwrite names its left neighbour, not the key.)
 */
const UPDATE_KINDS: [string, number[]][] = [['drop', [118, 2, 1, 120]]];
const kindName = (probeKind: string): UpdateKind => (probeKind === 'drop' ? 'drop' : 'text edit');

export type CanvasBenchResult = { params: CanvasBenchParams; chromium: string; cases: CanvasCase[] };

const STEP = 'context';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `tick(k)` for k = 0, 1, … at `rate` a second for `seconds` (open loop: late ticks catch up, none is skipped). */
function timetable(rate: number, seconds: number, tick: (k: number) => void): Promise<void> {
  return new Promise((resolve) => {
    const total = Math.round(rate * seconds);
    const started = performance.now();
    let k = 0;
    const step = () => {
      while (k < total && performance.now() - started >= (k * 1000) / rate) tick(k++);
      if (k < total) setTimeout(step, 2);
      else resolve();
    };
    step();
  });
}

/** A remote person through the stock y-websocket provider, as a browser tab is: board writes and presence. */
function openRemote(room: RoomTarget) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(room.providerBase, room.roomName, doc, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true });
  provider.awareness.setLocalState({ user: { id: 'bench-dragger', name: 'Remote dragger', color: '#b45309', role: 'participant' } });
  const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
  return { doc, board: new BoardDoc(doc), awareness: provider.awareness, synced, destroy: () => (provider.destroy(), doc.destroy()) };
}

type Remote = ReturnType<typeof openRemote>;

/** Case 1's load: one note dragged (presence) and dropped once a second (a board write), and edits of random notes. */
async function dragAndEdit(remote: Remote, p: CanvasBenchParams, pass: number) {
  const ids = remote.board.contextItems.list().map((c) => c.id);
  const dragged = ids[0]!;
  let lastText = '';
  let lastDrop = { x: 0, y: 0 };
  const at = (k: number) => ({ x: Math.round(400 + 300 * Math.cos(k / 10)), y: Math.round(300 + 200 * Math.sin(k / 10)) });
  const user = remote.awareness.getLocalState()!.user;
  const drags = timetable(p.dragsPerSecond, p.seconds, (k) => {
    const pos = at(k);
    if ((k + 1) % p.dragsPerSecond === 0) {
      // The drop: presence lets go, the place is written once, as the client's onDragEnd does.
      remote.awareness.setLocalState({ user });
      remote.board.placeNote('contextItems', dragged, { pos });
      lastDrop = pos;
    } else remote.awareness.setLocalState({ user, dragging: { step: STEP, id: dragged, ...pos } });
  });
  const edits = timetable(p.editsPerSecond, p.seconds, (k) => {
    lastText = `Remote edit ${pass}.${k}: conversion from 58% to 65% by the end of the quarter`;
    remote.board.setNoteText('contextItems', ids[1 + Math.floor(Math.random() * (ids.length - 1))]!, lastText);
  });
  await Promise.all([drags, edits]);
  remote.awareness.setLocalState({ user });
  return { dragged, lastText, lastDrop };
}

/** Case 2's load: `cursors` presence clients, each moving over the notes `cursorHz` times a second. */
async function moveCursors(clients: LightClient[], p: CanvasBenchParams, bounds: { w: number; h: number }) {
  await timetable(p.cursorHz, p.seconds, (k) => {
    clients.forEach((c, i) => {
      const angle = k / 15 + i;
      c.sendPresence({
        user: { id: `bench-cursor-${i}`, name: `Cursor ${i + 1}`, color: '#2a7fff', role: 'participant' },
        cursor: { step: STEP, x: Math.round(bounds.w * (0.5 + 0.4 * Math.cos(angle))), y: Math.round(bounds.h * (0.5 + 0.4 * Math.sin(angle * 1.3))) },
      });
    });
  });
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/**
 * The canvas of issue 10 and the cursors of issue 11 in Chromium: a participant's context canvas
 * with `notes` notes, the real server and the real client build. Case 1 drags one note remotely
 * and edits others; case 2 moves remote cursors. Each case is measured once and, with `profile`,
 * run again under Chrome's profiler (not measured: profiling slows the page).
 */
export async function runCanvasBench(p: CanvasBenchParams, log: (line: string) => void, options: { build?: boolean } = {}): Promise<CanvasBenchResult> {
  if (options.build ?? true) {
    log('  building the client');
    buildClient();
  }
  const dataDir = tempDir('okr-bench-canvas-');
  const server = await ServerUnderTest.start('ours', dataDir);
  const browser = await launchBrowser();
  const cursors: LightClient[] = [];
  let remote: Remote | null = null;
  try {
    const [room] = await server.createRooms(1, 'canvas');
    await runGenerator({ kind: 'seed', dialect: 'yws', rooms: [room!], cards: p.notes, parallel: 1 });
    const { page } = await newDevice(browser, { width: 1920, height: 1080 }, { boardView: 'canvas' });
    await page.addInitScript(PAGE_PROBE);
    await page.addInitScript(RENDER_PROBE);
    const notes = page.getByRole('region', { name: 'Context canvas' }).locator('li.note');
    try {
      await page.goto(`${server.httpUrl}/r/${room!.roomName}`);
      await page.getByLabel('Your name').fill('Bench viewer');
      await page.getByRole('button', { name: 'Join the board' }).click();
      await notes.nth(p.notes - 1).waitFor({ timeout: 30_000 });
    } catch (err) {
      const shot = path.join(artifactDir('bench'), 'canvas-failed.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`the canvas did not open with its ${p.notes} notes (screenshot: ${path.relative(REPO_ROOT, shot)}): ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    const shown = await notes.count();
    if (shown !== p.notes) throw new Error(`the canvas shows ${shown} notes, expected ${p.notes}`);
    remote = openRemote(room!);
    await remote.synced;
    // A live canvas's notes have places (a new note lands where its writer looks); the seeded cards
    // have none, and the tidy layout would rearrange them around every drop (and draws 300 of them
    // four to a row). They are pinned in a wall about as wide as it is high, as a busy room leaves them.
    const columns = Math.ceil(Math.sqrt(p.notes * 1.5));
    const ids = remote.board.contextItems.list().map((c) => c.id);
    ids.forEach((id, i) => remote!.board.placeNote('contextItems', id, { pos: { x: (i % columns) * (NOTE_W + GAP), y: Math.floor(i / columns) * (NOTE_H + GAP) } }));
    const bounds = { w: columns * (NOTE_W + GAP), h: Math.ceil(ids.length / columns) * (NOTE_H + GAP) };
    await sleep(2000);
    for (let i = 0; i < p.cursors; i++) cursors.push(new LightClient(i, 0, room!, 'yws', () => {}));
    await Promise.all(cursors.map((c) => c.connect(20_000)));
    const failed = cursors.find((c) => c.failure);
    if (failed) throw new Error(`a cursor client could not join: ${failed.failure}`);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    // CLIENT_DIR (the server's own setting) serves another build, e.g. main's beside this branch's.
    const label = sourceLabel(process.env.CLIENT_DIR ?? path.join(REPO_ROOT, 'client/dist'), REPO_ROOT);
    const cases: CanvasCase[] = [];
    const measure = async (name: CanvasCase['name'], load: (pass: number) => Promise<{ lastText?: string; dragged?: string; lastDrop?: { x: number; y: number } }>) => {
      if (p.cases && !p.cases.includes(name)) return;
      log(`  ${name}: ${p.seconds} s`);
      await sleep(1000);
      const before = await metrics(cdp);
      await page.evaluate(`window.__okrBench.start(${JSON.stringify(UPDATE_KINDS)})`);
      const end = await load(1);
      await sleep(1000);
      const raw = (await page.evaluate('window.__okrBench.stop()')) as {
        js: number[];
        jsLayout: number[];
        presence: number[];
        longTasks: number[];
        frames: number[];
        byKind: Record<string, { js: number[]; jsLayout: number[] }>;
      };
      const after = await metrics(cdp);
      const per = (key: string) => round(((after[key]! - before[key]!) * 1000) / (after.Timestamp! - before.Timestamp!));
      const lastEdit = end.lastText ? (await page.getByRole('listitem', { name: end.lastText }).count()) === 1 : false;
      let lastDrop = false;
      if (end.dragged && end.lastDrop) {
        const el = page.locator(`li.note[data-note-id="${end.dragged}"]`);
        lastDrop = (await el.getAttribute('data-x')) === String(end.lastDrop.x) && (await el.getAttribute('data-y')) === String(end.lastDrop.y);
      }
      const cursorsShown = await page.locator('.cursor-layer .cursor').count();
      await page.screenshot({ path: path.join(artifactDir('bench'), `canvas-${name.replaceAll(' ', '-')}.png`) });
      // The same load again, unmeasured: React's renders counted and, with `profile`, Chrome's profiler on.
      let profile: ProfileSummary | null = null;
      await page.evaluate(`window.__okrRenders.start(); window.__okrBench.start(${JSON.stringify(UPDATE_KINDS)})`);
      // KEEP_TRACE=/some/prefix records Chrome's timeline of this pass (<prefix>-canvas-<case>.json): style, layout, paint and the compositor, which a CPU profile shows only as "(program)".
      const tracing = process.env.KEEP_TRACE ? `${process.env.KEEP_TRACE}-canvas-${name.replaceAll(' ', '-')}.json` : null;
      if (tracing) await browser.startTracing(page, { path: tracing, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      if (p.profile) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      await load(2);
      await sleep(500);
      if (tracing) await browser.stopTracing();
      if (p.profile) {
        const stopped = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
        // KEEP_PROFILE=/some/prefix keeps the raw profile (<prefix>-canvas-<case>.cpuprofile), to open in Chrome's DevTools.
        if (process.env.KEEP_PROFILE) fs.writeFileSync(`${process.env.KEEP_PROFILE}-canvas-${name.replaceAll(' ', '-')}.cpuprofile`, JSON.stringify(stopped.profile));
        profile = summariseProfile(stopped.profile, label, (l) => / (client|shared)\/src\//.test(l));
      }
      const counted = (await page.evaluate('window.__okrRenders.stop()')) as { noteRenders: number; canvasRenders: number; commits: number };
      const second = (await page.evaluate('window.__okrBench.stop()')) as { js: number[]; jsLayout: number[]; byKind: Record<string, { js: number[]; jsLayout: number[] }> };
      const boardUpdates = second.js.length + second.jsLayout.length;
      const drops = (second.byKind.drop?.js.length ?? 0) + (second.byKind.drop?.jsLayout.length ?? 0);
      cases.push({
        name,
        perUpdate: distribution(raw.js),
        perUpdateWithLayout: distribution(raw.jsLayout),
        perUpdateByKind: Object.fromEntries(Object.entries(raw.byKind).map(([kind, k]) => [kindName(kind), { script: distribution(k.js), withLayout: distribution(k.jsLayout) }])),
        perPresence: distribution(raw.presence),
        perSecond: { scriptMs: per('ScriptDuration'), layoutMs: per('LayoutDuration'), styleMs: per('RecalcStyleDuration'), taskMs: per('TaskDuration') },
        longTasks: longTaskStats(raw.longTasks),
        frames: frameStats(raw.frames),
        shown: { lastEdit, lastDrop, cursors: cursorsShown },
        renders: { noteRenders: counted.noteRenders, canvasRenders: counted.canvasRenders, commits: counted.commits, boardUpdates, drops, perBoardUpdate: boardUpdates ? round(counted.noteRenders / boardUpdates) : 0 },
        profile,
      });
    };
    // The control: the same page with nobody else doing anything, on the same machine at the same load.
    await measure('idle', async () => {
      await sleep(p.seconds * 1000);
      return {};
    });
    await measure('drag and edit', (pass) => dragAndEdit(remote!, p, pass));
    await measure('cursors', async () => {
      await moveCursors(cursors, p, bounds);
      return {};
    });
    return { params: p, chromium: browser.version(), cases };
  } finally {
    for (const c of cursors) c.close();
    remote?.destroy();
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

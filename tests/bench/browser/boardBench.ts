import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { BoardDoc, loadTextDiff } from '@okr/shared/doc';
import type { Scale } from '../config.ts';
import { artifactDir, launchBrowser, newDevice } from '../../helpers/browser.ts';
import { openFullClient } from '../loadgen/fullClients.ts';
import { runGenerator, ServerUnderTest, REPO_ROOT, tempDir } from '../servers.ts';
import { round } from '../stats.ts';
import { PAGE_PROBE } from './pageProbe.ts';
import { summariseProfile, type Profile, type ProfileSummary } from '../profile.ts';
import { sourceLabel } from './sourceMaps.ts';

export type Distribution = { count: number; median: number; p95: number; max: number };
export type JsSize = { initialGzipKb: number; initialRawKb: number; allJsGzipKb: number; files: { file: string; initial: boolean; rawKb: number; gzipKb: number }[] };
export type BoardBenchResult = {
  cards: number;
  editsPerSecond: number;
  seconds: number;
  updatesMeasured: number;
  /** Handler plus React's render and commit, per remote update (ms). */
  perUpdateJs: Distribution;
  /** The same plus forced style and layout (every other update). */
  perUpdateWithLayout: Distribution;
  longTasks: { count: number; totalMs: number; maxMs: number };
  frames: { frameMs: number; frames: number; dropped: number; droppedPercent: number; worstGapMs: number };
  lastEditShown: boolean;
  jsSize: JsSize;
  chromium: string;
  /** A second pass under Chrome's profiler, mapped back to our sources through the build's source maps. */
  profile: ProfileSummary | null;
};

export function distribution(values: number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { count: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? NaN) };
}

export type LongTasks = BoardBenchResult['longTasks'];
export type Frames = BoardBenchResult['frames'];

export function longTaskStats(durations: number[]): LongTasks {
  return { count: durations.length, totalMs: round(durations.reduce((a, b) => a + b, 0)), maxMs: round(Math.max(0, ...durations)) };
}

/**
 * Frames dropped: each gap between animation frames counts as round(gap / frame) frames, all but
 * one of them dropped. The frame is the typical gap, but never longer than 60 Hz's: a page so busy
 * that most gaps are long would otherwise make a long gap its "frame" and count nothing dropped.
 */
export function frameStats(times: number[]): Frames {
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const frameMs = Math.min(distribution(gaps).median, 1000 / 60);
  const dropped = gaps.reduce((n, gap) => n + Math.max(0, Math.round(gap / frameMs) - 1), 0);
  const expectedFrames = gaps.length + dropped;
  return { frameMs, frames: gaps.length, dropped, droppedPercent: round((dropped / Math.max(1, expectedFrames)) * 100), worstGapMs: round(Math.max(0, ...gaps)) };
}

/** Builds the client (as `npx pnpm@10 build` does). */
export function buildClient(): void {
  execFileSync('npx', ['-y', 'pnpm@10', '--filter', '@okr/client', 'build'], { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** Initial JavaScript: the scripts and module preloads index.html names, gzipped (level 9) as a server would send them. */
export function measureJsSize(dist = path.join(REPO_ROOT, 'client/dist')): JsSize {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g)].map((m) => m[1]!));
  const assets = path.join(dist, 'assets');
  const files = fs
    .readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const bytes = fs.readFileSync(path.join(assets, f));
      return { file: `assets/${f}`, initial: initial.has(`assets/${f}`), rawKb: round(bytes.length / 1024), gzipKb: round(zlib.gzipSync(bytes, { level: 9 }).length / 1024) };
    });
  const sum = (list: typeof files, key: 'rawKb' | 'gzipKb') => round(list.reduce((s, f) => s + f[key], 0));
  const initialFiles = files.filter((f) => f.initial);
  return { initialGzipKb: sum(initialFiles, 'gzipKb'), initialRawKb: sum(initialFiles, 'rawKb'), allJsGzipKb: sum(files, 'gzipKb'), files };
}

/**
 * A participant's board in Chromium with `cards` context cards, while a Node client edits a random
 * card `editsPerSecond` times a second: the cost of each remote update in the page, long tasks and
 * dropped frames.
 */
export async function runBoardBench(params: Scale['browser'], log: (line: string) => void, options: { build?: boolean } = {}): Promise<BoardBenchResult> {
  if (options.build ?? true) {
    log('  building the client');
    buildClient();
  }
  const jsSize = measureJsSize();
  const dataDir = tempDir('okr-bench-browser-');
  const server = await ServerUnderTest.start('ours', dataDir);
  const browser = await launchBrowser();
  try {
    const [room] = await server.createRooms(1, 'browser');
    await runGenerator({ kind: 'seed', dialect: 'yws', rooms: [room!], cards: params.cards, parallel: 1 });

    const { page } = await newDevice(browser, { width: 1280, height: 800 });
    await page.addInitScript(PAGE_PROBE);
    try {
      await page.goto(`${server.httpUrl}/r/${room!.roomName}`);
      await page.getByLabel('Your name').fill('Bench viewer');
      await page.getByRole('button', { name: 'Join the board' }).click();
      await page.locator('li.card').nth(params.cards - 1).waitFor({ timeout: 30_000 });
    } catch (err) {
      const shot = path.join(artifactDir('bench'), 'board-failed.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      throw new Error(`the board did not open with its ${params.cards} cards (screenshot: ${path.relative(REPO_ROOT, shot)}): ${(err as Error).message.split('\n')[0]}`, { cause: err });
    }
    const shown = await page.locator('li.card').count();
    if (shown !== params.cards) throw new Error(`the board shows ${shown} cards, expected ${params.cards}`);

    const editor = openFullClient('yws', room!);
    await editor.ready;
    // The remote editor diffs each edit as a browser does once its board is up.
    await loadTextDiff();
    const board = new BoardDoc(editor.doc);
    const ids = board.contextItems.list().map((c) => c.id);
    let pass = 0;
    /** Open loop: edit k goes out at k / rate seconds, whatever the page is doing. Returns the last text. */
    const drive = () =>
      new Promise<string>((resolve) => {
        const total = params.editsPerSecond * params.seconds;
        const started = performance.now();
        let sent = 0;
        let text = '';
        pass++;
        const tick = () => {
          while (sent < total && performance.now() - started >= (sent * 1000) / params.editsPerSecond) {
            text = `Remote edit ${pass}.${sent}: conversion from 58% to 65% by the end of the quarter`;
            board.update(board.contextItems, ids[Math.floor(Math.random() * ids.length)]!, { text });
            sent++;
          }
          if (sent < total) setTimeout(tick, 5);
          else resolve(text);
        };
        tick();
      });
    await page.waitForTimeout(1000);
    await page.evaluate('window.__okrBench.start()');
    const lastText = await drive();
    await page.waitForTimeout(1000);
    const raw = (await page.evaluate('window.__okrBench.stop()')) as { js: number[]; jsLayout: number[]; longTasks: number[]; frames: number[] };
    const lastEditShown = (await page.getByRole('listitem', { name: lastText }).count()) === 1;

    // The same load again, under the profiler (not measured: profiling slows the page).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    await drive();
    await page.waitForTimeout(500);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    editor.destroy();
    const label = sourceLabel(path.join(REPO_ROOT, 'client/dist'), REPO_ROOT);
    const pageProfile = summariseProfile(profile, label, (l) => / (client|shared)\/src\//.test(l));

    return {
      cards: params.cards,
      editsPerSecond: params.editsPerSecond,
      seconds: params.seconds,
      updatesMeasured: raw.js.length + raw.jsLayout.length,
      perUpdateJs: distribution(raw.js),
      perUpdateWithLayout: distribution(raw.jsLayout),
      longTasks: longTaskStats(raw.longTasks),
      frames: frameStats(raw.frames),
      lastEditShown,
      jsSize,
      chromium: browser.version(),
      profile: pageProfile,
    };
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

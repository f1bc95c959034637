import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../helpers/browser.ts';
import { runGenerator, ServerUnderTest, REPO_ROOT, tempDir } from '../servers.ts';
import { round } from '../stats.ts';

/** The venue network of issue 11: 1.6 Mbps down, 150 ms round trip (DevTools' "Fast 3G" profile). */
export const VENUE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };

export type Role = 'participant' | 'facilitator' | 'projector';
export type FirstLoad = {
  role: Role;
  /** Navigation start to the first card visible (ms). */
  firstCardMs: number;
  scripts: number;
  /** Bytes the server sent for those scripts (headers included), as Chromium counted them. */
  transferredKb: number;
  /** The same scripts gzipped (level 9): what our server sends over plain HTTP, where Chromium asks for gzip only. */
  gzipKb: number;
  /** The build's brotli copies of the same scripts: what our server sends over HTTPS, where Chromium asks for br. */
  brotliKb: number;
  files: string[];
};

type Links = { roomId: string; facilitatorKey: string; viewerPath: string };

/** Creates a room through the API and keeps the three ways in. */
async function createRoom(server: ServerUnderTest): Promise<Links> {
  const res = await fetch(`${server.httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title: 'First load' }) });
  if (res.status !== 201) throw new Error(`POST /api/rooms answered ${res.status}`);
  const body = (await res.json()) as { roomId: string; facilitatorKey: string; viewerUrl: string };
  return { roomId: body.roomId, facilitatorKey: body.facilitatorKey, viewerPath: new URL(body.viewerUrl).pathname };
}

/** A returning device: the name is known, so the board opens without the join form. */
function knownName(role: Role): string {
  return `localStorage.setItem('okr-board-identity', JSON.stringify({ state: { id: 'firstload-${role}', name: 'First load ${role}', color: '#1d4ed8' }, version: 0 }))`;
}

/**
 * A card in the list view or a note on the canvas: the context step shows either, by the device's
 * board view (a wide screen opens on the canvas, a phone on the list).
 */
const CARD = 'li.card, li.note';

/** In the page's own clock: when the first card is laid out (ms since navigation start). */
const FIRST_CARD_PROBE = String.raw`new MutationObserver((_, observer) => {
  const card = document.querySelector('${CARD}');
  if (!card || card.getBoundingClientRect().height === 0) return;
  window.__firstCardAt = performance.now();
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });`;

function pageUrl(server: ServerUnderTest, links: Links, role: Role): string {
  if (role === 'participant') return `${server.httpUrl}/r/${links.roomId}`;
  if (role === 'facilitator') return `${server.httpUrl}/r/${links.roomId}#key=${links.facilitatorKey}`;
  return `${server.httpUrl}${links.viewerPath}`;
}

function gzipKbOf(dist: string, url: string): number {
  const file = path.join(dist, new URL(url).pathname);
  return fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024 : NaN;
}

/** The size of the build's `.br` copy (client/vite.config.ts); NaN when the build left none. */
function brotliKbOf(dist: string, url: string): number {
  const file = path.join(dist, `${new URL(url).pathname}.br`);
  return fs.existsSync(file) ? fs.statSync(file).size / 1024 : NaN;
}

/**
 * One cold load (fresh profile, empty cache) of `role`'s page under the venue network: the
 * scripts that finished loading before the first card became visible, and how long that took.
 */
async function measureRole(browser: Browser, server: ServerUnderTest, links: Links, role: Role, dist: string): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: role === 'projector' ? { width: 1920, height: 1080 } : { width: 390, height: 844 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(knownName(role));
    await page.addInitScript(FIRST_CARD_PROBE);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', VENUE_NETWORK);
    const scriptUrls = new Map<string, string>();
    const finished: { url: string; bytes: number }[] = [];
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scriptUrls.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const url = scriptUrls.get(e.requestId);
      if (url) finished.push({ url, bytes: e.encodedDataLength });
    });
    await page.goto(pageUrl(server, links, role), { waitUntil: 'commit' });
    await page.locator(CARD).first().waitFor({ state: 'visible', timeout: 60_000 });
    const firstCardMs = round((await page.evaluate('window.__firstCardAt')) as number);
    // Scripts whose last byte arrived before the first card: what that card waited on, not the prefetch after it.
    const arrivedBefore = new Set(
      (await page.evaluate(`performance.getEntriesByType('resource').filter((e) => e.responseEnd <= window.__firstCardAt).map((e) => e.name)`)) as string[],
    );
    const before = finished.filter((f) => arrivedBefore.has(f.url));
    return {
      role,
      firstCardMs,
      scripts: before.length,
      transferredKb: round(before.reduce((s, f) => s + f.bytes, 0) / 1024),
      gzipKb: round(before.reduce((s, f) => s + gzipKbOf(dist, f.url), 0)),
      brotliKb: round(before.reduce((s, f) => s + brotliKbOf(dist, f.url), 0)),
      files: before.map((f) => new URL(f.url).pathname),
    };
  } finally {
    await context.close();
  }
}

/**
 * First load of each role's page on a throttled link, against a warm server (the room already
 * loaded, the assets read once) holding `cards` context cards. Needs a built client (`CLIENT_DIR` or client/dist).
 */
export async function runFirstLoad(cards = 12, log: (line: string) => void = () => undefined): Promise<FirstLoad[]> {
  // CLIENT_DIR (the server's own setting) serves, and sizes, another build: e.g. main's beside this branch's.
  const dist = process.env.CLIENT_DIR ?? path.join(REPO_ROOT, 'client/dist');
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('no client build: run `npx pnpm@10 build` first');
  const dataDir = tempDir('okr-bench-firstload-');
  const server = await ServerUnderTest.start('ours', dataDir);
  const browser = await launchBrowser();
  try {
    const links = await createRoom(server);
    const target = { url: `${server.wsUrl}/sync/${links.roomId}`, providerBase: `${server.wsUrl}/sync`, roomName: links.roomId, docName: links.roomId };
    await runGenerator({ kind: 'seed', dialect: 'yws', rooms: [target], cards, parallel: 1 });
    // Warm the server: one unthrottled load of each page, so the measured ones read no cold files or rooms.
    for (const role of ['participant', 'facilitator', 'projector'] as const) {
      const warm = await browser.newContext();
      const page = await warm.newPage();
      await page.addInitScript(knownName(role));
      await page.goto(pageUrl(server, links, role));
      await page.locator(CARD).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      await warm.close();
    }
    const results: FirstLoad[] = [];
    for (const role of ['participant', 'facilitator', 'projector'] as const) {
      const result = await measureRole(browser, server, links, role, dist);
      log(`  ${role}: first card ${result.firstCardMs} ms, ${result.scripts} scripts, ${result.gzipKb} KB gzipped, ${result.brotliKb} KB brotli (${result.transferredKb} KB sent)`);
      results.push(result);
    }
    return results;
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

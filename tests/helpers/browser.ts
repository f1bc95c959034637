import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { REPO_ROOT } from './server.ts';

/** Debian's Chromium, as installed by .ci/run; CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error('Chromium not found. Install Debian\'s: `sudo apt-get install -y chromium` (or set CHROMIUM_PATH).');
  return found;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const PROJECTOR = { width: 1920, height: 1080 };
export const PHONE = { width: 390, height: 844 };

/**
 * A fresh browser profile: its own storage, like a separate person's device. `boardView` is the
 * device's Canvas / List choice for the canvas steps: tests written before the canvas find cards
 * in the lanes, so they start with the list; canvas tests ask for the canvas.
 */
export async function newDevice(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
  { boardView = 'list' }: { boardView?: 'list' | 'canvas' } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, permissions: ['clipboard-read', 'clipboard-write'] });
  // Only when the device has not chosen yet, so a test that toggles the view keeps its choice across reloads.
  await context.addInitScript((view) => {
    const key = 'okr-board-preferences';
    if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ state: { boardView: view }, version: 0 }));
  }, boardView);
  const page = await context.newPage();
  page.on('pageerror', (err) => {
    console.error('page error:', err.message);
  });
  return { context, page };
}

/** Where a test writes its screenshots: tests/.artifacts/<name>/. */
export function artifactDir(name: string): string {
  const dir = path.join(REPO_ROOT, 'tests/.artifacts', name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Resolves once the page has drawn `frames` frames and run the tasks they queued: what a key press
 * set off through React's effects (a drag's new target, its announcement) is on screen by then,
 * however slowly a loaded machine runs the page, where a fixed wait in the test's own time is not.
 */
export function afterFrames(page: Page, frames = 3): Promise<void> {
  return page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        const next = (left: number) => (left === 0 ? setTimeout(resolve, 0) : requestAnimationFrame(() => next(left - 1)));
        next(count);
      }),
    frames,
  );
}

/** dnd-kit's live region, where a drag announces what it picked up, what it is over and where it dropped. */
export const dragAnnouncements = (page: Page) => page.locator('[id^="DndLiveRegion"]');

import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';

export type BrowserSuite = { readonly server: TestServer; readonly browser: Browser };

/** Starts a real server on port 0 and Debian's Chromium before the file's tests, and stops both after. */
export function useBrowserSuite(): BrowserSuite {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startTestServer();
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** Opens a board link, gives the name asked for on a new device, and waits until it is connected. */
export async function joinBoard(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the board' }).click();
  await waitConnected(page);
}

export async function waitConnected(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 }).toBe('connected');
}

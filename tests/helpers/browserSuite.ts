import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import type { Config } from '../../server/src/config.ts';
import { startTestServer, type TestServer } from './server.ts';

export type BrowserSuite = { readonly server: TestServer; readonly browser: Browser };

/** Starts a real server on port 0 (with `config`) and Debian's Chromium before the file's tests, and stops both after. */
export function useBrowserSuite(config: Partial<Config> = {}): BrowserSuite {
  const suite = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    suite.server = await startTestServer(config);
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

/** Who is here: on a phone its count ("3 here") opens the list, so it is opened if it is closed. */
export async function whoIsHere(page: Page): Promise<Locator> {
  const region = page.getByRole('region', { name: 'Who is here' });
  await region.waitFor();
  const count = region.getByRole('button', { name: /^\d+ here$/ });
  if ((await count.count()) > 0 && (await count.getAttribute('aria-expanded')) !== 'true') await count.click();
  return region;
}

/** The facilitator moves the group to a step by its title, confirming past unmet gates. */
export async function moveGroupTo(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: new RegExp(title) }).click();
  const moveAnyway = page.getByRole('button', { name: 'Move anyway' });
  const arrived = page.locator('#step-heading', { hasText: title });
  await moveAnyway.or(arrived).first().waitFor();
  if (await moveAnyway.isVisible()) await moveAnyway.click();
  await arrived.waitFor();
}

/** Types into the text box with this accessible name and presses Enter. */
export async function addCard(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(text);
  await page.keyboard.press('Enter');
}

/** The card with this text inside the region with this name. */
export function cardIn(page: Page, region: string, text: string) {
  return page.getByRole('region', { name: region, exact: true }).getByRole('listitem', { name: text, exact: true });
}

/** The facilitator's link panel ("All links"), opened if it is closed. */
export async function linkPanel(f: Page) {
  const panel = f.getByRole('region', { name: 'Board links' });
  // Right after creation the panel is open from its first render, which comes with its lazy chunk:
  // asked before that, "is it open?" says no and a click would then close it. The toggle says which it is.
  const toggle = f.getByRole('button', { name: 'All links', exact: true });
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await panel.waitFor();
  return panel;
}

/** The value of one link in the facilitator's link panel. */
export async function panelLink(f: Page, name: 'Your facilitator link' | 'Projector link'): Promise<string> {
  return (await linkPanel(f)).getByRole('textbox', { name, exact: true }).inputValue();
}

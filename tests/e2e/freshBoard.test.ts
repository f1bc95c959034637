import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { newDevice } from '../helpers/browser.ts';
import { joinBoard, moveGroupTo, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { createRoom } from '../helpers/server.ts';

const suite = useBrowserSuite();

/** Opens another board in the same document, the way the app's own links would, without a reload. */
async function openInPlace(page: Page, url: string): Promise<void> {
  const { pathname, hash } = new URL(url);
  await page.evaluate((target) => {
    history.pushState(null, '', target);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `${pathname}${hash}`);
  await waitConnected(page);
}

/** Marks the page's document, so a test can tell an in-place switch from a reload. */
const markDocument = (page: Page) => page.evaluate(() => document.documentElement.setAttribute('data-test-document', 'first'));
const sameDocument = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-test-document') === 'first');

describe('opening another board', () => {
  it('starts from fresh UI state: no step looked back at, no move waiting for confirmation', async () => {
    const { server, browser } = suite;
    const boardA = await createRoom(server.httpUrl, 'Board A');
    const boardB = await createRoom(server.httpUrl, 'Board B');

    const facilitator = await newDevice(browser);
    const f = facilitator.page;
    await joinBoard(f, boardA.facilitatorUrl, 'Fay');
    await moveGroupTo(f, 'Draft objectives');
    await f.goto(boardB.facilitatorUrl);
    await waitConnected(f);
    await moveGroupTo(f, 'Draft objectives');

    // A participant looks back at Context on board A, then opens board B.
    const participant = await newDevice(browser);
    const p = participant.page;
    await joinBoard(p, boardA.participantUrl, 'Pat');
    await p.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Context/ }).click();
    await p.getByText('You are looking back at this step (read-only).').waitFor();
    await markDocument(p);
    await openInPlace(p, boardB.participantUrl);
    expect(await sameDocument(p)).toBe(true);
    await p.getByRole('heading', { name: 'Board B' }).waitFor();
    await p.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();
    expect(await p.getByText('You are looking back at this step (read-only).').count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Back to the group' }).count()).toBe(0);

    // The facilitator asks to move board A on past something unmet, then opens board B.
    await f.goto(boardA.facilitatorUrl);
    await waitConnected(f);
    await f.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Pick THE objective/ }).click();
    await f.getByRole('dialog', { name: 'Move on to Pick THE objective?' }).waitFor();
    await markDocument(f);
    await openInPlace(f, boardB.facilitatorUrl);
    expect(await sameDocument(f)).toBe(true);
    await f.getByRole('heading', { name: 'Board B' }).waitFor();
    await f.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();
    expect(await f.getByRole('dialog').count()).toBe(0);
    expect(await f.getByRole('button', { name: 'Move anyway' }).count()).toBe(0);
  });
});

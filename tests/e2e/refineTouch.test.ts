import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { openBoardClient, openControlClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard as join, useBrowserSuite } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const OBJECTIVE = 'Returning customers check out without friction';
const KR = 'Reduce cart abandonment';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Every field of the card that the box covers, by accessible name. */
async function fieldsCovered(card: Locator, box: Box): Promise<string[]> {
  const covered: string[] = [];
  for (const field of await card.locator('input, textarea, select').all()) {
    const at = await field.boundingBox();
    if (at && overlaps(at, box)) covered.push((await field.getAttribute('aria-label')) ?? (await field.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? el.id)));
  }
  return covered;
}

describe('SMART refine on a touch phone; the Summary asks nobody whether they are done', () => {
  it('a tapped check opens its reason without covering a field; a second tap, a tap elsewhere or Escape closes it', async () => {
    const shots = artifactDir('refine-touch');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – Checkout');
    const seed = openBoardClient(server.wsUrl, room.roomId);
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    try {
      await Promise.all([seed.synced, control.synced]);
      const chosen = seed.board.addCandidate({ text: OBJECTIVE });
      seed.board.addKeyResult({ title: KR });
      control.control.setObjective({ candidateId: chosen, title: OBJECTIVE, commitment: 'committed', contextIds: [], tally: [], rationale: '', decidedAt: new Date().toISOString() });
      control.control.set({ step: 'refine', reveals: { draft: 1, brainstorm: 1 }, privateWriting: { draft: false, brainstorm: false } });

      const facilitator = await newDevice(browser, PROJECTOR);
      const f = facilitator.page;
      await join(f, room.facilitatorUrl, 'Fay');
      // A phone as phones are: touch, no hover.
      const phone = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
      const p = await phone.newPage();
      await join(p, room.participantUrl, 'Pat');
      for (const page of [f, p]) await page.getByRole('heading', { name: /SMART refine/ }).waitFor();

      const card = p.getByRole('listitem', { name: KR });
      const checks = card.getByRole('list', { name: 'SMART checks' });
      const specific = checks.getByRole('button', { name: /^Specific: not yet/ });
      const measurable = checks.getByRole('button', { name: /^Measurable:/ });
      const opened = card.locator('.smart-reason');
      const reason = opened.filter({ hasText: 'Name the metric you will count' });
      const expanded = (chip: Locator) => chip.getAttribute('aria-expanded');

      // A tap opens the reason, in the card's flow: no field under it is covered.
      await specific.tap();
      await reason.waitFor({ state: 'visible' });
      expect(await expanded(specific)).toBe('true');
      expect(await fieldsCovered(card, (await opened.boundingBox())!)).toEqual([]);
      await expect(card.locator('.smart-tip:visible').count()).resolves.toBe(0);
      await p.screenshot({ path: path.join(shots, 'smart-reason-tapped-390.png') });

      // The same tap again closes it; another letter replaces it.
      await specific.tap();
      await expect.poll(() => opened.count()).toBe(0);
      expect(await expanded(specific)).toBe('false');
      await specific.tap();
      await measurable.tap();
      await expect.poll(() => expanded(specific)).toBe('false');
      expect(await expanded(measurable)).toBe('true');
      await expect(opened.count()).resolves.toBe(1);

      // A tap on a field closes it, and the field gets the tap.
      const owner = card.getByLabel('Owner', { exact: true });
      await owner.tap();
      await expect.poll(() => opened.count()).toBe(0);
      await expect(owner.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await p.screenshot({ path: path.join(shots, 'smart-reason-closed-390.png') });

      // Escape closes it too.
      await specific.tap();
      await reason.waitFor({ state: 'visible' });
      await p.keyboard.press('Escape');
      await expect.poll(() => opened.count()).toBe(0);

      // With a mouse, the reason still floats on hover.
      const fSpecific = f.getByRole('listitem', { name: KR }).getByRole('button', { name: /^Specific: not yet/ });
      await fSpecific.hover();
      await f.getByRole('listitem', { name: KR }).locator('.smart-tip', { hasText: 'Name the metric you will count' }).waitFor({ state: 'visible' });
      await f.screenshot({ path: path.join(shots, 'smart-reason-hover-1920.png') });

      // The ready check belongs to the steps with work to finish: not the Summary.
      const readyCount = f.getByRole('status').filter({ hasText: /^\d+\/\d+ ready$/ });
      await readyCount.waitFor();
      await p.getByRole('button', { name: 'I’m done' }).waitFor();
      control.control.setStep('summary');
      for (const page of [f, p]) await page.locator('#step-heading', { hasText: 'Summary' }).waitFor();
      await expect(readyCount.count()).resolves.toBe(0);
      await expect(p.getByRole('button', { name: /I’m done/ }).count()).resolves.toBe(0);
      await f.screenshot({ path: path.join(shots, 'summary-no-ready-1920.png') });
      await phone.close();
      await facilitator.context.close();
    } finally {
      seed.destroy();
      control.destroy();
    }
  }, 120_000);
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { joinBoard, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { openControlClient } from '../helpers/clients.ts';
import { createRealisticRoom } from '../helpers/realisticBoard.ts';
import { projectorPage } from '../helpers/projectorFit.ts';
import { clickBarItem } from '../helpers/barMenu.ts';

const suite = useBrowserSuite();

/** Presses a key in Present mode; a move past something unmet asks first, and the facilitator moves anyway. */
async function press(f: Page, key: string, arrived: ReturnType<Page['getByText']>): Promise<void> {
  await f.keyboard.press(key);
  const moveAnyway = f.getByRole('button', { name: 'Move anyway' });
  await expect.poll(async () => (await moveAnyway.isVisible()) || (await arrived.isVisible())).toBe(true);
  if (await moveAnyway.isVisible()) await moveAnyway.click();
  await arrived.waitFor();
}

async function openRoom() {
  const room = await createRealisticRoom(suite.server.httpUrl, suite.server.wsUrl);
  const control = openControlClient(suite.server.wsUrl, room.roomId, { key: room.facilitatorKey });
  await control.synced;
  const facilitator = await newDevice(suite.browser, PROJECTOR);
  await joinBoard(facilitator.page, room.facilitatorUrl, 'Fay');
  const projector = await newDevice(suite.browser, PROJECTOR);
  await projector.page.goto(room.viewerUrl);
  await waitConnected(projector.page);
  return { room, control, f: facilitator.page, v: projector.page, devices: [facilitator, projector] };
}

describe('Present mode, spotlight and the agenda, in Chromium', () => {
  it('Present mode is driven by keys: → and ← turn the projector’s pages and move the group, Esc leaves; its controls need no scrolling', async () => {
    const shots = artifactDir('present');
    const { control, f, v, devices } = await openRoom();
    control.control.setStep('draft');
    // Both screens: the projector's own page count is read below, and it can still be on Context's.
    for (const page of [f, v]) await page.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();

    await f.getByRole('button', { name: 'Present' }).click();
    const controls = f.getByRole('navigation', { name: 'Presenter controls' });
    await controls.waitFor();
    const box = await controls.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(PROJECTOR.height);
    expect(await f.evaluate(() => document.scrollingElement!.scrollHeight <= window.innerHeight)).toBe(true);

    // Draft's canvas is shown a region a page at a time (two groups a page): → turns its pages, then
    // past the last moves the group on; from Brainstorm (one page) → moves it to SMART refine, whose
    // overview is page 1 of 6.
    await v.locator('.canvas-world').waitFor({ state: 'attached' });
    const { count } = await projectorPage(v);
    expect(count).toBeGreaterThan(1);
    for (let page = 2; page <= count; page++) await press(f, 'ArrowRight', v.getByText(`Page ${page} of ${count}`));
    await press(f, 'ArrowRight', v.getByRole('heading', { name: /Pick THE objective/ }));
    control.control.setStep('brainstorm');
    for (const page of [f, v]) await page.getByRole('heading', { name: /Brainstorm key results/ }).waitFor();
    await press(f, 'ArrowRight', v.getByRole('heading', { name: /SMART refine/ }));
    await v.getByText('Page 1 of 6').waitFor();
    await press(f, 'ArrowRight', v.getByText('Page 2 of 6'));
    await v.getByRole('article', { name: /Key result 1: Checkout conversion rate/ }).waitFor();
    await press(f, 'ArrowRight', v.getByText('Page 3 of 6'));
    await press(f, 'ArrowLeft', v.getByText('Page 2 of 6'));
    await f.screenshot({ path: path.join(shots, 'present-refine.png') });
    // ← from the first page goes back a step; the facilitator's own screen shows the same page.
    await press(f, 'ArrowLeft', v.getByText('Page 1 of 6'));
    await press(f, 'ArrowLeft', v.getByRole('heading', { name: /Brainstorm key results/ }));
    await f.getByRole('heading', { name: /Brainstorm key results/ }).waitFor();

    await f.keyboard.press('Escape');
    await f.getByRole('toolbar', { name: 'Facilitation' }).waitFor();
    expect(await f.getByRole('navigation', { name: 'Presenter controls' }).count()).toBe(0);
    control.destroy();
    await Promise.all(devices.map((d) => d.context.close()));
  });

  it('the facilitator spotlights a key result and a finding from the keyboard: the projector shows it large, every screen marks it, until cleared', async () => {
    const shots = artifactDir('present');
    const { room, control, f, v, devices } = await openRoom();
    const phone = await newDevice(suite.browser, PHONE);
    await joinBoard(phone.page, room.participantUrl, 'Pat');
    control.control.setStep('refine');
    await f.locator('#step-heading', { hasText: 'SMART refine' }).waitFor();

    await f.getByRole('button', { name: 'Spotlight…' }).focus();
    await f.keyboard.press('Enter');
    const dialog = f.getByRole('dialog', { name: 'Spotlight' });
    await dialog.getByRole('button', { name: /^Spotlight Key result 2: Cart abandonment/ }).focus();
    await f.keyboard.press('Enter');
    const onProjector = v.getByRole('region', { name: 'Spotlight' });
    await onProjector.getByText('Cart abandonment from 70% to 60% by 30 Sep').waitFor();
    await onProjector.getByText('Ben Okafor').waitFor();
    await phone.page.getByRole('status', { name: 'Spotlight' }).getByText('Cart abandonment from 70% to 60% by 30 Sep').waitFor();
    await v.screenshot({ path: path.join(shots, 'projector-spotlight-kr.png') });
    await phone.page.screenshot({ path: path.join(shots, 'phone-spotlight.png') });

    // A finding: the review's words, on the key result it is about.
    await f.getByRole('button', { name: 'Spotlight…' }).focus();
    await f.keyboard.press('Enter');
    await dialog.getByRole('button', { name: /^Spotlight Finding: .*Repeat purchase rate grows to 35%/ }).first().focus();
    await f.keyboard.press('Enter');
    await onProjector.getByText(/says increase but the target is not above the baseline/).waitFor();
    await phone.page.getByRole('status', { name: 'Spotlight' }).getByText(/says increase/).waitFor();

    await f.getByRole('status', { name: 'Spotlight' }).getByRole('button', { name: 'Clear spotlight' }).click();
    await expect.poll(() => onProjector.count()).toBe(0);
    await expect.poll(() => phone.page.getByRole('status', { name: 'Spotlight' }).count()).toBe(0);
    control.destroy();
    await Promise.all([...devices, phone].map((d) => d.context.close()));
  });

  it('the projector shows a locked board and a paused timer; the agenda’s timebox is offered, or started on the move, and "Time is up" stays behind', async () => {
    const shots = artifactDir('present');
    const { control, f, v, devices } = await openRoom();

    await f.getByRole('button', { name: 'Lock board', exact: true }).click();
    await v.getByRole('status').getByText('Board locked').waitFor();
    await f.getByRole('button', { name: 'Unlock board', exact: true }).click();
    await expect.poll(() => v.getByText('Board locked').count()).toBe(0);

    // The Context step offers its 10-minute timebox; paused, the projector says so.
    expect(await f.getByLabel('Timer minutes').inputValue()).toBe('10');
    await f.getByRole('button', { name: 'Start timer' }).click();
    await f.getByRole('button', { name: 'Pause' }).click();
    await v.getByRole('timer').getByText('Paused').waitFor();
    await v.screenshot({ path: path.join(shots, 'projector-paused.png') });

    // The facilitator edits the plan and asks for timers to start on each move.
    await clickBarItem(f, 'More', 'Agenda…');
    const agenda = f.getByRole('dialog', { name: 'Agenda' });
    await agenda.getByText('Total: 90 minutes').waitFor();
    await agenda.getByLabel('Draft objectives minutes').fill('7');
    await agenda.getByText('Total: 77 minutes').waitFor();
    await agenda.getByLabel('SMART refine minutes').fill('0');
    await agenda.getByRole('alert').getByText('Whole minutes from 1 to 480.').waitFor();
    await agenda.getByLabel('SMART refine minutes').fill('15');
    await agenda.getByLabel(/Start the step’s timer when I move the group/).check();
    await f.screenshot({ path: path.join(shots, 'agenda-dialog.png') });
    await agenda.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => control.control.state().agenda.draft).toBe(7);

    await f.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: /Draft objectives/ }).click();
    const moveAnyway = f.getByRole('button', { name: 'Move anyway' });
    const arrived = v.getByRole('heading', { name: /Draft objectives/ });
    await expect.poll(async () => (await moveAnyway.isVisible()) || (await arrived.isVisible())).toBe(true);
    if (await moveAnyway.isVisible()) await moveAnyway.click();
    await arrived.waitFor();
    await expect.poll(async () => /^(7:00|6:5\d)/.test((await v.getByRole('timer').textContent()) ?? '')).toBe(true);
    expect(await v.getByRole('timer').getByText('Paused').count()).toBe(0);
    // The stock control client is a third device: the move reaches it in its own time.
    await expect.poll(() => control.control.state().stepLog.map((entry) => entry.step)).toEqual(['context', 'draft']);

    // Without the preference a move leaves no timer behind, and the next step's timebox is offered.
    await clickBarItem(f, 'More', 'Agenda…');
    await agenda.getByLabel(/Start the step’s timer when I move the group/).uncheck();
    await agenda.getByRole('button', { name: 'Done' }).click();
    await f.locator('body').click();
    await f.keyboard.press('ArrowLeft');
    await v.getByRole('heading', { name: /Context/ }).waitFor();
    await expect.poll(() => control.control.state().timer.status).toBe('idle');
    await expect.poll(() => f.getByLabel('Timer minutes').inputValue()).toBe('10');
    expect(await v.getByText('Time is up').count()).toBe(0);
    control.destroy();
    await Promise.all(devices.map((d) => d.context.close()));
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { applyImport, parseExport } from '@okr/shared/export';
import { localDay } from '@okr/shared/workshop';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { createRoom, REPO_ROOT } from '../helpers/server.ts';
import { cardIn, joinBoard as join, useBrowserSuite } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const MOBILE = 'Mobile app reaches parity with web';
const REFUNDS = 'Automate refunds';
const INITIATIVE = 'Cart reminder emails';

const dayOffset = (days: number) => localDay(new Date(Date.now() + days * 86_400_000));

async function seededRoom(step: 'park' | 'brainstorm' | 'summary') {
  const room = await createRoom(suite.server.httpUrl, 'Checkout team OKRs');
  // The facilitator's key: an import brings kept confidences, which are the facilitator's to set (issue 14).
  const seed = openBoardClient(suite.server.wsUrl, room.roomId, { key: room.facilitatorKey });
  const control = openControlClient(suite.server.wsUrl, room.roomId, { key: room.facilitatorKey });
  await Promise.all([seed.synced, control.synced]);
  return { room, seed, control, step };
}

describe('Owners, revisit dates and the printed Summary, in Chromium', () => {
  it('the park form takes an owner as name and email, splits "Ana Lima <ana@example.com>", and flags a revisit date in the past', async () => {
    const shots = artifactDir('exports');
    const { room, seed, control } = await seededRoom('park');
    seed.board.addCandidate({ text: MOBILE });
    control.control.set({ step: 'park' });

    const { page } = await newDevice(suite.browser, PHONE);
    await join(page, room.participantUrl, 'Ana');
    await page.getByRole('button', { name: `Park "${MOBILE}"` }).click();
    const form = page.getByRole('form', { name: `Park "${MOBILE}"` });
    await form.getByLabel('Reason').fill("Depends on the platform team's Q4 release");
    await form.getByLabel('Owner (optional)').fill('Ana Lima <ana@example.com>');
    await form.getByLabel('Owner (optional)').blur();
    // Leaving the name box moves the address to the email box.
    await expect.poll(() => form.getByLabel('Owner email (optional)').inputValue()).toBe('ana@example.com');
    expect(await form.getByLabel('Owner (optional)').inputValue()).toBe('Ana Lima');
    await form.getByLabel('Revisit on (optional)').fill(dayOffset(-3));
    await page.screenshot({ path: path.join(shots, 'park-form-phone.png'), fullPage: true });
    await form.getByRole('button', { name: 'Park', exact: true }).click();

    const parked = cardIn(page, 'Parked', MOBILE);
    await parked.getByText('Ana Lima (ana@example.com)').waitFor();
    await parked.getByRole('note').getByText('Date has passed: revisit it now or pick a new date').waitFor();
    await eventually(() => seed.board.parked.list()[0]?.ownerEmail === 'ana@example.com', 'the parked item reaches the stock client');
    expect(seed.board.parked.list()[0]).toMatchObject({ ownerName: 'Ana Lima', ownerEmail: 'ana@example.com', revisitDate: dayOffset(-3) });

    // An address alone, typed in the name box, is the owner's email; a date to come is not flagged.
    await page.getByRole('button', { name: '+ Add to parking lot' }).click();
    const add = page.getByRole('form', { name: 'Add to parking lot' });
    await add.getByLabel('What').fill(REFUNDS);
    await add.getByLabel('Reason').fill('After the payment provider switch');
    await add.getByLabel('Owner (optional)').fill('ops@example.com');
    await add.getByLabel('Revisit on (optional)').fill(dayOffset(30));
    await add.getByRole('button', { name: 'Add to parking lot' }).click();
    const refunds = cardIn(page, 'Parked', REFUNDS);
    await refunds.getByText('ops@example.com').waitFor();
    expect(await refunds.getByRole('note').count()).toBe(0);
    await eventually(() => seed.board.parked.list().some((item) => item.text === REFUNDS), 'the added item reaches the stock client');
    expect(seed.board.parked.list().find((item) => item.text === REFUNDS)).toMatchObject({ ownerEmail: 'ops@example.com' });
    expect(seed.board.parked.list().find((item) => item.text === REFUNDS)?.ownerName).toBeUndefined();

    // An email box that is not an address is refused with the reason, and nothing changes.
    await parked.getByRole('button', { name: `Edit "${MOBILE}"` }).click();
    const edit = page.getByRole('form', { name: `Edit "${MOBILE}"` });
    await edit.getByLabel('Owner email (optional)').fill('ana at example');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.getByRole('alert').getByText('That is not an email address — write it like ana@example.com, or leave it empty.').waitFor();
    expect(seed.board.parked.list().find((item) => item.text === MOBILE)?.ownerEmail).toBe('ana@example.com');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    await parked.getByRole('note').waitFor();
    await page.screenshot({ path: path.join(shots, 'park-flag-phone.png'), fullPage: true });
    seed.destroy();
    control.destroy();
  });

  it('an initiative has an owner name and email; "Dan Weiss <dan@example.com>" typed as the name saves as both', async () => {
    const shots = artifactDir('exports');
    const { room, seed, control } = await seededRoom('brainstorm');
    const kr = seed.board.addKeyResult({ title: 'Checkout conversion rate from 58% to 65% by 30 Sep' });
    seed.board.addInitiative({ title: INITIATIVE, keyResultIds: [kr] });
    control.control.set({ step: 'brainstorm', reveals: { draft: 1, brainstorm: 1 }, privateWriting: { draft: false, brainstorm: false } });

    const { page } = await newDevice(suite.browser, { width: 1280, height: 800 });
    await join(page, room.participantUrl, 'Dan');
    const name = page.getByRole('textbox', { name: `Owner of "${INITIATIVE}"` });
    const email = page.getByRole('textbox', { name: `Owner email of "${INITIATIVE}"` });
    await name.fill('Dan Weiss <dan@example.com>');
    await name.press('Enter');
    await expect.poll(() => email.inputValue()).toBe('dan@example.com');
    expect(await name.inputValue()).toBe('Dan Weiss');
    await eventually(() => seed.board.initiatives.list()[0]?.ownerEmail === 'dan@example.com', 'the owner reaches the stock client');
    expect(seed.board.initiatives.list()[0]).toMatchObject({ ownerName: 'Dan Weiss', ownerEmail: 'dan@example.com' });

    // A plain name keeps the email; a bad address is refused and the saved one stays.
    await name.fill('Dan W.');
    await name.press('Enter');
    await eventually(() => seed.board.initiatives.list()[0]?.ownerName === 'Dan W.', 'the new name reaches the stock client');
    expect(seed.board.initiatives.list()[0]?.ownerEmail).toBe('dan@example.com');
    await email.fill('dan at example');
    await email.press('Enter');
    await page.getByRole('listitem', { name: INITIATIVE }).getByRole('alert').getByText('That is not an email address — write it like ana@example.com, or leave it empty.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    // Proof that nothing arrived: a later allowed write lands, and the email is still the saved one.
    await email.fill('dan.weiss@example.com');
    await email.press('Enter');
    await eventually(() => seed.board.initiatives.list()[0]?.ownerEmail === 'dan.weiss@example.com', 'the corrected email reaches the stock client');
    await page.getByRole('region', { name: 'Initiatives' }).screenshot({ path: path.join(shots, 'initiative-owner.png') });
    seed.destroy();
    control.destroy();
  });

  it('printing the Summary gives the OKR, initiatives, parked items and decision record, and no controls', async () => {
    const shots = artifactDir('exports');
    const { room, seed, control } = await seededRoom('summary');
    const sample = parseExport(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'shared/src/export/__fixtures__/sample.export.v3.json'), 'utf8')));
    applyImport({ ...sample, parked: sample.parked.map((item) => (item.revisitDate ? { ...item, revisitDate: dayOffset(-1) } : item)) }, seed.board, control.control);
    control.control.set({ step: 'summary' });

    const facilitator = await newDevice(suite.browser, PROJECTOR);
    const f = facilitator.page;
    await join(f, room.facilitatorUrl, 'Fay');
    await f.getByRole('region', { name: 'Parked' }).waitFor();
    await f.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await f.screenshot({ path: path.join(shots, 'summary-facilitator-1920.png'), fullPage: true });

    await f.emulateMedia({ media: 'print' });
    for (const region of ['Objective', 'Key results', 'Initiatives', 'Parked']) expect(await f.getByRole('region', { name: region, exact: true }).isVisible()).toBe(true);
    expect(await f.getByText('Decision record').isVisible()).toBe(true);
    expect(await f.getByRole('list', { name: 'Vote tally' }).isVisible()).toBe(true);
    expect(await f.getByText('(date has passed)').isVisible()).toBe(true);
    expect(await f.getByRole('heading', { name: 'Checkout team OKRs', level: 2 }).isVisible()).toBe(true);
    await expectNoVisibleControls(f);

    const pdf = await f.pdf({ path: path.join(shots, 'summary.pdf'), format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await f.screenshot({ path: path.join(shots, 'summary-print-media.png'), fullPage: true });
    await f.emulateMedia({ media: 'screen' });
    await f.getByRole('button', { name: 'Print or save as PDF' }).waitFor();

    // The projector and a phone show the same Summary on screen.
    const projector = await newDevice(suite.browser, PROJECTOR);
    await projector.page.goto(room.viewerUrl);
    // The projector shows the Summary as pages, from the OKR on.
    await projector.page.getByRole('list', { name: 'Key results' }).waitFor();
    await projector.page.screenshot({ path: path.join(shots, 'summary-projector-1920.png') });
    const phone = await newDevice(suite.browser, PHONE);
    await join(phone.page, room.participantUrl, 'Ana');
    await phone.page.getByRole('region', { name: 'Parked' }).waitFor();
    await phone.page.screenshot({ path: path.join(shots, 'summary-phone.png'), fullPage: true });
    seed.destroy();
    control.destroy();
  });
});

/** Every button, field, select and link on the page is hidden: nothing to click on paper. */
async function expectNoVisibleControls(page: Page): Promise<void> {
  const controls = page.locator('button, input, select, textarea, a[href], [role="button"]');
  const count = await controls.count();
  expect(count).toBeGreaterThan(0);
  const visible: string[] = [];
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (await control.isVisible()) visible.push((await control.evaluate((el) => el.outerHTML.slice(0, 120))) ?? '');
  }
  expect(visible).toEqual([]);
}

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard, useBrowserSuite, waitConnected, whoIsHere } from '../helpers/browserSuite.ts';
import { clickBarItem } from '../helpers/barMenu.ts';

const suite = useBrowserSuite();

/** The facilitator's People dialog, opened if it is closed. */
async function people(f: Page) {
  const dialog = f.getByRole('dialog', { name: 'People' });
  if (!(await dialog.isVisible())) await clickBarItem(f, 'More', 'People…');
  await dialog.waitFor();
  return dialog;
}

/** This device's own chip in the people list (opened on a phone). */
const myChip = async (page: Page, name: string) => (await whoIsHere(page)).getByRole('button', { name: `${name} (you): change my name` });

describe('the facilitator’s People screen (issue 14), in Chromium', () => {
  it('renames and merges seats through the UI; the participant sees the new name, keeps it across a reload, and may rename themself', async () => {
    const shots = artifactDir('people-screen');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – People');
    const [fay, phone, laptop] = await Promise.all([newDevice(browser, PROJECTOR), newDevice(browser, PHONE), newDevice(browser)]);
    const [f, a, l] = [fay.page, phone.page, laptop.page];
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    // Ana joins twice, from her phone and her laptop: two seats.
    await joinBoard(a, room.participantUrl, 'Ana');
    await joinBoard(l, room.participantUrl, 'Ana laptop');

    const dialog = await people(f);
    for (const name of ['Fay', 'Ana', 'Ana laptop']) await dialog.getByRole('row', { name, exact: true }).waitFor();
    await expect.poll(() => dialog.getByRole('row', { name: 'Fay', exact: true }).textContent()).toContain('Facilitator');
    await f.screenshot({ path: path.join(shots, 'people-1920.png') });

    // Rename Ana's phone seat: her own screen follows.
    await dialog.getByRole('button', { name: 'Rename Ana', exact: true }).click();
    const rename = dialog.getByRole('region', { name: 'Rename Ana' });
    await rename.getByLabel('New name').fill('Ana Lima');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await dialog.getByRole('row', { name: 'Ana Lima', exact: true }).waitFor();
    await (await myChip(a, 'Ana Lima')).waitFor();
    await a.screenshot({ path: path.join(shots, 'participant-renamed-390.png') });

    // A reload adopts the seat's name: the device's saved "Ana" does not undo the facilitator's rename.
    await a.reload();
    await waitConnected(a);
    await (await myChip(a, 'Ana Lima')).waitFor();
    await dialog.getByRole('row', { name: 'Ana Lima', exact: true }).waitFor();
    expect(await dialog.getByRole('row', { name: 'Ana', exact: true }).count()).toBe(0);

    // Ana renames herself afterwards: it is her seat, so her choice stands, and the facilitator sees it.
    await (await myChip(a, 'Ana Lima')).click();
    await a.getByRole('textbox', { name: 'My name' }).fill('Ana L.');
    await a.getByRole('button', { name: 'Save' }).click();
    await (await myChip(a, 'Ana L.')).waitFor();
    await dialog.getByRole('row', { name: 'Ana L.', exact: true }).waitFor();

    // Merge the laptop's seat into the phone's: the dialog says what happens to votes; the laptop becomes Ana L.
    await dialog.getByRole('button', { name: 'Merge Ana laptop into another seat' }).click();
    const merge = dialog.getByRole('region', { name: 'Merge Ana laptop' });
    await merge.getByRole('combobox').selectOption({ label: 'Ana L.' });
    await expect.poll(() => merge.textContent()).toMatch(/later ballot counts/);
    await f.screenshot({ path: path.join(shots, 'merge-1920.png') });
    await merge.getByRole('button', { name: 'Merge into Ana L.' }).click();
    await expect.poll(() => dialog.getByRole('row', { name: 'Ana laptop', exact: true }).count()).toBe(0);
    await (await myChip(l, 'Ana L.')).waitFor();
    await expect.poll(() => dialog.getByRole('row', { name: 'Ana L.', exact: true }).textContent()).toContain('2 devices');
    // The room sees one Ana.
    await expect.poll(() => f.getByRole('region', { name: 'Who is here' }).getByText('Ana L.').count()).toBe(1);

    // Hand over: the link is shown plainly, and opening it on a new device takes the seat.
    await dialog.getByRole('button', { name: 'Hand Ana L. over to another device' }).click();
    const handOver = dialog.getByRole('region', { name: 'Hand over Ana L.' });
    await handOver.getByRole('button', { name: 'Make a seat link' }).click();
    const link = await handOver.getByLabel('Seat link for Ana L.').inputValue();
    expect(link).toMatch(/#seat=/);
    await f.screenshot({ path: path.join(shots, 'hand-over-1920.png') });
    const tablet = await newDevice(browser, PHONE);
    await joinBoard(tablet.page, link, 'Someone else');
    await (await myChip(tablet.page, 'Ana L.')).waitFor();
    expect(tablet.page.url()).not.toContain('seat=');
    await expect.poll(() => dialog.getByRole('row', { name: 'Ana L.', exact: true }).textContent()).toContain('3 devices');

    await f.setViewportSize(PHONE);
    await f.screenshot({ path: path.join(shots, 'people-390.png') });
    for (const device of [fay, phone, laptop, tablet]) await device.context.close();
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { joinBoard, linkPanel, moveGroupTo, panelLink, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { createRoom } from '../helpers/server.ts';

/*
 * A facilitator who never loses the board, and links that can be rotated (issue 9): the link to
 * keep is shown at creation, keys leave the address bar, the home page lists one's workshops, and
 * each rotated link says plainly that it no longer opens the board.
 */

const suite = useBrowserSuite();
const KEY_IN_URL = /#(key|join)=|[?&](key|ticket)=/;

/** Replaces one link from the facilitator's link panel. */
async function replaceLink(f: Page, label: 'New participant link' | 'New projector link' | 'New facilitator link'): Promise<void> {
  const panel = await linkPanel(f);
  await panel.getByRole('button', { name: `${label}…` }).click();
  await panel.getByRole('group', { name: label }).getByRole('button', { name: 'Replace it' }).click();
}

describe('links and keys', () => {
  it('shows the facilitator link to keep, takes the key out of the address bar, and lists the board on the home page after the browser is closed', async () => {
    const { server, browser } = suite;
    const shots = artifactDir('links');
    const fay = await newDevice(browser, PROJECTOR);
    const f = fay.page;
    await f.goto(`${server.httpUrl}/`);
    await f.getByLabel('Workshop title').fill('Platform Q3');
    await f.getByLabel('Your name').fill('Fay');
    await f.getByRole('button', { name: 'Create workshop' }).click();
    await waitConnected(f);
    expect(f.url()).toMatch(/\/r\/[A-Za-z0-9_-]{22,}$/);

    const panel = f.getByRole('region', { name: 'Board links' });
    await panel.getByText('Keep this link: it runs the workshop.').waitFor();
    const facilitatorUrl = await panelLink(f, 'Your facilitator link');
    expect(facilitatorUrl).toMatch(/\/r\/[A-Za-z0-9_-]{22,}#key=[A-Za-z0-9_-]{22,}$/);
    await panel.getByRole('button', { name: 'Copy your facilitator link' }).click();
    expect(await f.evaluate(() => navigator.clipboard.readText())).toBe(facilitatorUrl);
    expect(await panelLink(f, 'Projector link')).toMatch(/\/v\/[A-Za-z0-9_-]{22,}$/);
    await f.screenshot({ path: path.join(shots, 'created-projector.png') });

    // A reload keeps the facilitator's rights without putting the key back.
    await f.reload();
    await waitConnected(f);
    await f.getByRole('button', { name: 'All links' }).waitFor();
    expect(f.url()).not.toMatch(KEY_IN_URL);

    // The browser is closed; a new page in the same profile finds the board on the home page.
    await f.close();
    const home = await fay.context.newPage();
    await home.goto(`${server.httpUrl}/`);
    const list = home.getByRole('region', { name: 'Your workshops' });
    await list.getByText(/step 1: Context/).waitFor();
    await home.screenshot({ path: path.join(shots, 'home-list-projector.png') });
    await list.getByRole('link', { name: 'Platform Q3' }).click();
    await waitConnected(home);
    await home.getByRole('button', { name: 'All links' }).waitFor();
    await home.getByRole('button', { name: 'Present' }).waitFor();
    expect(home.url()).not.toMatch(KEY_IN_URL);

    // The same list on a phone.
    const phone = await fay.context.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(`${server.httpUrl}/`);
    await phone.getByRole('region', { name: 'Your workshops' }).getByRole('link', { name: 'Platform Q3' }).waitFor();
    await phone.screenshot({ path: path.join(shots, 'home-list-phone.png'), fullPage: true });
    await fay.context.close();
  });

  it('any device with the facilitator key gets the projector and participant links', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Second laptop');
    const laptop = await newDevice(browser, PHONE);
    await joinBoard(laptop.page, room.facilitatorUrl, 'Fay');
    expect(laptop.page.url()).not.toMatch(KEY_IN_URL);
    expect(await panelLink(laptop.page, 'Projector link')).toBe(room.viewerUrl);
    expect(await laptop.page.getByRole('textbox', { name: 'Participant link', exact: true }).inputValue()).toBe(room.participantUrl);
    await laptop.page.screenshot({ path: path.join(artifactDir('links'), 'panel-phone.png') });
    await laptop.context.close();
  });

  it('rotating the participant and projector links: the old ones are disconnected and say they no longer open the board; the new ones work', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Rotate me');
    const fay = await newDevice(browser, PROJECTOR);
    const f = fay.page;
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const pat = await newDevice(browser, PHONE);
    await joinBoard(pat.page, room.participantUrl, 'Pat');
    const projector = await newDevice(browser, PROJECTOR);
    await projector.page.goto(room.viewerUrl);
    await waitConnected(projector.page);

    await replaceLink(f, 'New participant link');
    await pat.page.getByRole('alert').getByText(/no longer opens this board/).waitFor();
    // The participant can be told before the facilitator's panel closes its confirmation (whose
    // label, "New participant link", also contains "Participant link"), so read the field by its
    // exact name once it holds the new link.
    const participantField = f.getByRole('textbox', { name: 'Participant link', exact: true });
    await expect.poll(() => participantField.inputValue()).not.toBe(room.participantUrl);
    const newParticipantUrl = await participantField.inputValue();
    expect(newParticipantUrl).toMatch(/#join=[A-Za-z0-9_-]{22,}$/);
    await pat.page.goto(room.participantUrl);
    await pat.page.getByRole('heading', { name: 'This link no longer opens this board' }).waitFor();
    await pat.page.goto(newParticipantUrl);
    await waitConnected(pat.page);
    expect(pat.page.url()).not.toMatch(KEY_IN_URL);
    await f.getByRole('region', { name: 'Who is here' }).getByText('Pat').waitFor();

    await replaceLink(f, 'New projector link');
    await projector.page.getByRole('alert').getByText(/no longer opens this board/).waitFor();
    await expect.poll(() => panelLink(f, 'Projector link')).not.toBe(room.viewerUrl);
    const newViewerUrl = await panelLink(f, 'Projector link');
    await projector.page.goto(room.viewerUrl);
    await projector.page.getByRole('heading', { name: 'This link no longer opens this board' }).waitFor();
    await projector.page.goto(newViewerUrl);
    await waitConnected(projector.page);
    await f.screenshot({ path: path.join(artifactDir('links'), 'rotated-projector.png') });
    for (const device of [fay, pat, projector]) await device.context.close();
  });

  it('rotating the facilitator key: this device keeps running the board, a device on the old key is disconnected and told so', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'New key');
    const fay = await newDevice(browser, PROJECTOR);
    const f = fay.page;
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const cofacilitator = await newDevice(browser, PHONE);
    await joinBoard(cofacilitator.page, room.facilitatorUrl, 'Cole');

    await replaceLink(f, 'New facilitator link');
    await cofacilitator.page.getByRole('alert').getByText(/no longer opens this board/).waitFor();
    await expect.poll(() => panelLink(f, 'Your facilitator link'), { timeout: 15_000 }).not.toBe(room.facilitatorUrl);
    await waitConnected(f);
    expect(f.url()).not.toMatch(KEY_IN_URL);
    // Still the facilitator, on the new key: moving the group works.
    await moveGroupTo(f, 'Draft objectives');
    const participant = await newDevice(browser, PHONE);
    await joinBoard(participant.page, room.participantUrl, 'Pat');
    await participant.page.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();

    // Opening the old link again later (a new tab) says so too.
    const later = await cofacilitator.context.newPage();
    await later.goto(room.facilitatorUrl);
    await later.getByRole('heading', { name: 'This link no longer opens this board' }).waitFor();
    for (const device of [fay, cofacilitator, participant]) await device.context.close();
  });
});

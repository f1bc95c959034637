import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { artifactDir, newDevice, PHONE } from '../helpers/browser.ts';
import { addCard, joinBoard, moveGroupTo, useBrowserSuite, waitConnected, whoIsHere } from '../helpers/browserSuite.ts';
import { eventually, openBoardClient, relayHandled } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { createRealisticRoom } from '../helpers/realisticBoard.ts';

/* What a facilitator's fresh-eyes walk through the whole workshop stumbled on, each fixed and kept fixed. */
const suite = useBrowserSuite();

describe('a facilitator’s keys', () => {
  it('arrow keys on a focused note or a card picked up for a drag move that, never the group', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Keys');
    const watcher = openBoardClient(server.wsUrl, room.roomId);
    await watcher.synced;
    const noteId = watcher.board.addContextItem({ kind: 'mission', text: 'Effortless checkout' });
    for (const text of ['Fewer steps to pay', 'Pay in one tap']) watcher.board.addCandidate({ text });

    const { page: f, context } = await newDevice(browser, { width: 1280, height: 800 }, { boardView: 'canvas' });
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const note = f.getByRole('region', { name: 'Context canvas' }).getByRole('listitem', { name: 'Effortless checkout' });
    await note.focus();
    const placeOf = () => watcher.board.contextItems.get(noteId)?.pos?.x;
    const before = placeOf();
    await f.keyboard.press('ArrowRight');
    await eventually(() => placeOf() !== before, 'the note moved right');
    await f.keyboard.press('ArrowLeft');
    await f.keyboard.press('ArrowRight');
    expect(await f.locator('#step-heading').textContent()).toMatch(/Context/);

    // A candidate picked up in the list view (Space) moves with the arrows; Escape puts it back.
    await moveGroupTo(f, 'Draft objectives');
    await f.getByRole('button', { name: 'List' }).click();
    await f.getByRole('button', { name: 'Move "Fewer steps to pay"' }).focus();
    await f.keyboard.press('Space');
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowRight']) await f.keyboard.press(key);
    await f.keyboard.press('Escape');
    expect(await f.locator('#step-heading').textContent()).toMatch(/Draft objectives/);

    // Elsewhere on the board ←/→ still move the group.
    await f.locator('body').click({ position: { x: 2, y: 2 } });
    await f.keyboard.press('ArrowLeft');
    await f.locator('#step-heading', { hasText: 'Context' }).waitFor();
    watcher.destroy();
    await context.close();
  });
});

describe('creating a workshop', () => {
  it('says what to do when the server cannot be reached, and creates it on the next try', async () => {
    const { server, browser } = suite;
    const { page, context } = await newDevice(browser);
    await page.goto(`${server.httpUrl}/`);
    await page.getByLabel('Workshop title').fill('Q3 OKRs');
    await page.getByLabel('Your name').fill('Fay');
    await page.route('**/api/rooms', (route) => route.abort('internetdisconnected'));
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('alert').filter({ hasText: 'could not be reached, so no workshop was created. Check your network connection' }).waitFor();
    await page.route('**/api/rooms', (route) => route.fulfill({ status: 502, contentType: 'text/html', body: '<html>Bad gateway</html>' }));
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('alert').filter({ hasText: 'The server answered 502 without saying why' }).waitFor();
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('heading', { name: 'Q3 OKRs' }).waitFor();
    await context.close();
  });
});

describe('drafts, clusters and the decision', () => {
  it('the facilitator’s own drafts never hold up the reveal; the list names canvas clusters; focus lands on THE objective once confirmed', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Reveal');
    const fay = await newDevice(browser);
    const f = fay.page;
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const ana = await newDevice(browser, PHONE);
    const a = ana.page;
    await joinBoard(a, room.participantUrl, 'Ana');
    await moveGroupTo(f, 'Draft objectives');
    await addCard(f, 'Candidate objective', 'Checkout feels effortless');
    await addCard(f, 'Candidate objective', 'Pay in one tap');
    await addCard(a, 'Candidate objective', 'Nobody re-types an address');
    await f.getByText('Ana is writing (1)').waitFor();
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    // Revealed at once: nobody is offline, least of all the facilitator who clicked.
    for (const text of ['Checkout feels effortless', 'Pay in one tap', 'Nobody re-types an address']) {
      await f.getByRole('region', { name: 'Candidate objectives' }).getByRole('listitem', { name: text }).waitFor();
    }
    expect(await f.getByRole('alertdialog', { name: 'Someone is offline with drafts' }).count()).toBe(0);

    // A cluster named on someone's canvas is named in the list view too.
    const seeder = openBoardClient(server.wsUrl, room.roomId);
    await seeder.synced;
    // The facilitator's screen shows its own revealed drafts before the relay has them: a client
    // that syncs now may not, yet.
    const clustered = ['Checkout feels effortless', 'Nobody re-types an address'];
    await eventually(() => clustered.every((text) => seeder.board.candidates.list().some((c) => c.text === text)), 'the revealed drafts reach the seeding client');
    const byText = (text: string) => seeder.board.candidates.list().find((c) => c.text === text)!.id;
    const cluster = seeder.board.addCluster('draft', 'Effortless checkout', { x: 40, y: 40 });
    for (const [i, text] of clustered.entries()) seeder.board.placeNote('candidates', byText(text), { clusterId: cluster, pos: { x: 16, y: 48 + i * 150 } });
    await relayHandled(seeder.provider);
    seeder.destroy();
    for (const page of [f, a]) {
      const group = page.getByRole('group', { name: 'Cluster: Effortless checkout (2)' });
      await group.getByRole('listitem', { name: 'Nobody re-types an address' }).waitFor();
    }

    // Deciding by keyboard: after Confirm the focus is on the decision, not lost to the page.
    await moveGroupTo(f, 'Pick THE objective');
    await f.getByRole('button', { name: 'Decide without a vote' }).click();
    const confirm = f.getByRole('form', { name: 'Confirm THE objective' });
    await confirm.getByLabel('Rationale').fill('The room agreed.');
    await confirm.getByRole('button', { name: 'Confirm THE objective' }).focus();
    await f.keyboard.press('Enter');
    const banner = f.getByRole('region', { name: 'THE objective', exact: true });
    await banner.waitFor();
    await expect.poll(() => banner.evaluate((el) => el === document.activeElement)).toBe(true);
    await Promise.all([fay.context.close(), ana.context.close()]);
  });
});

describe('the link panel', () => {
  it('opens after creation, hides with its own button, and closes once the group moves on', async () => {
    const { server, browser } = suite;
    const { page: f, context } = await newDevice(browser);
    await f.goto(`${server.httpUrl}/`);
    await f.getByLabel('Workshop title').fill('Links');
    await f.getByLabel('Your name').fill('Fay');
    await f.getByRole('button', { name: 'Create workshop' }).click();
    await waitConnected(f);
    const panel = f.getByRole('region', { name: 'Board links' });
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Hide links' }).click();
    await panel.waitFor({ state: 'detached' });
    const toggle = f.getByRole('button', { name: 'All links' });
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    await toggle.click();
    await panel.waitFor();
    await moveGroupTo(f, 'Draft objectives');
    await panel.waitFor({ state: 'detached' });
    await context.close();
  });
});

describe('losing the connection', () => {
  it('says so at the bottom of the window, where someone scrolled down to their card sees it', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Offline');
    const ben = await newDevice(browser, PHONE);
    const b = ben.page;
    await joinBoard(b, room.participantUrl, 'Ben');
    await b.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const banner = b.locator('.connection-banner');
    expect(await banner.count()).toBe(0);
    await ben.context.setOffline(true);
    await banner.filter({ hasText: /your edits are kept/ }).waitFor();
    const box = (await banner.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    expect(box.y).toBeGreaterThan(PHONE.height / 2);
    // One or two lines across the phone, not a narrow bubble over the cards.
    expect(box.width).toBeGreaterThan(PHONE.width * 0.8);
    await b.screenshot({ path: path.join(artifactDir('fresh-eyes'), 'offline-phone.png') });
    await ben.context.setOffline(false);
    await waitConnected(b);
    await banner.waitFor({ state: 'detached' });
    await ben.context.close();
  });
});

describe('parking what a cluster held', () => {
  it('names the cluster each unsorted note was voted on in', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Park clusters');
    const seeder = openBoardClient(server.wsUrl, room.roomId);
    await seeder.synced;
    const mobile = seeder.board.addCluster('draft', 'Mobile', { x: 40, y: 40 });
    for (const [i, text] of ['Mobile checkout is as fast as desktop', 'Mobile app reaches parity with web'].entries()) {
      seeder.board.placeNote('candidates', seeder.board.addCandidate({ text }), { clusterId: mobile, pos: { x: 16, y: 48 + i * 150 } });
    }
    seeder.board.addCandidate({ text: 'Refresh the brand' });
    await relayHandled(seeder.provider);
    seeder.destroy();
    const { page: f, context } = await newDevice(browser);
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    await moveGroupTo(f, 'Park');
    const unsorted = f.getByRole('region', { name: 'Unsorted' });
    await unsorted.getByRole('listitem', { name: 'Mobile app reaches parity with web' }).getByText('Cluster “Mobile”').waitFor();
    expect(await unsorted.getByRole('listitem', { name: 'Refresh the brand' }).getByText(/Cluster/).count()).toBe(0);
    await context.close();
  });
});

describe('the facilitator’s bar', () => {
  it('stays one line at 1280 px with real names waiting and the projector’s pages shown', async () => {
    const { server, browser } = suite;
    const room = await createRealisticRoom(server.httpUrl, server.wsUrl);
    const { page: f, context } = await newDevice(browser, { width: 1280, height: 800 });
    await joinBoard(f, room.facilitatorUrl, 'Fay Facilitator');
    const people = await Promise.all(['Ana Lima', 'Ben Okafor'].map(async (name) => {
      const device = await newDevice(browser, PHONE);
      await joinBoard(device.page, room.participantUrl, name);
      return device;
    }));
    await moveGroupTo(f, 'Draft objectives');
    const bar = f.getByRole('toolbar', { name: 'Facilitation' });
    await bar.getByText(/Waiting for/).waitFor();
    await bar.getByRole('group', { name: 'Projector pages' }).waitFor();
    const lines = await f.evaluate(() => new Set([...document.querySelector('.facilitator-bar')!.children].map((el) => Math.round((el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2) / 8))).size);
    await f.screenshot({ path: path.join(artifactDir('fresh-eyes'), 'facilitator-bar-1280-names.png') });
    expect(lines).toBe(1);
    await Promise.all([context.close(), ...people.map((device) => device.context.close())]);
  });
});

describe('who is here, on a phone', () => {
  it('is a count on the title’s line that opens the list, with your own chip first', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Phones');
    const devices = [];
    const fay = await newDevice(browser);
    await joinBoard(fay.page, room.facilitatorUrl, 'Fay Facilitator');
    devices.push(fay);
    for (const name of ['Ana Lima', 'Chloé Martin', 'Ben Okafor']) {
      const device = await newDevice(browser, PHONE);
      await joinBoard(device.page, room.participantUrl, name);
      devices.push(device);
    }
    const b = devices.at(-1)!.page;
    const count = b.getByRole('region', { name: 'Who is here' }).getByRole('button', { name: '4 here', exact: true });
    await count.waitFor();
    const title = (await b.getByRole('heading', { level: 1 }).boundingBox())!;
    const countBox = (await count.boundingBox())!;
    expect(countBox.y).toBeLessThan(title.y + title.height);
    const here = await whoIsHere(b);
    const chips = await here.getByRole('listitem').evaluateAll((items) => items.map((li) => ({ top: li.getBoundingClientRect().top, text: li.textContent })));
    expect(chips).toHaveLength(4);
    expect(chips.sort((x, y) => x.top - y.top)[0]!.text).toMatch(/Ben Okafor/);
    await b.screenshot({ path: path.join(artifactDir('fresh-eyes'), 'phone-who-is-here.png') });
    await Promise.all(devices.map((device) => device.context.close()));
  });
});

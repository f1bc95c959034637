import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { joinBoard, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { createRoom } from '../helpers/server.ts';

const suite = useBrowserSuite();

/** Counts the websockets a page opens: a reconnect loop shows up as new ones. */
function countSockets(page: Page): () => number {
  let opened = 0;
  page.on('websocket', () => opened++);
  return () => opened;
}

async function addContext(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Context' }).fill(text);
  await page.getByRole('button', { name: 'Add context' }).click();
}

const card = (page: Page, text: string) => page.getByRole('listitem', { name: text, exact: true });
const present = (page: Page, name: string) => page.getByRole('region', { name: 'Who is here' }).getByText(name, { exact: true });
const WAITING = 'Your edits made offline are waiting';

async function goOffline(page: Page, offline: boolean): Promise<void> {
  await page.context().setOffline(offline);
  if (offline) await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('offline');
  else await waitConnected(page);
}

describe('a locked board', () => {
  it('makes a participant\'s undo inert with a note, without a reconnect or leaving presence', async () => {
    const shots = artifactDir('lock');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Lock and undo');
    const f = (await newDevice(browser, PROJECTOR)).page;
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const p = (await newDevice(browser, PROJECTOR)).page;
    const sockets = countSockets(p);
    await joinBoard(p, room.participantUrl, 'Pat');
    const connected = sockets();

    await addContext(p, 'Pat’s card');
    await card(f, 'Pat’s card').waitFor();
    await f.getByRole('button', { name: 'Lock board', exact: true }).click();
    await p.getByText('Board locked by the facilitator').waitFor();
    expect(await p.getByRole('button', { name: 'Undo my last edit' }).isDisabled()).toBe(true);
    await p.locator('body').click();
    await p.keyboard.press('Control+Z');
    // A later allowed write arrives: had the undo gone out, it would have arrived before it.
    await addContext(f, 'Fay while locked');
    await card(p, 'Fay while locked').waitFor();
    expect(await card(p, 'Pat’s card').count()).toBe(1);
    expect(await card(f, 'Pat’s card').count()).toBe(1);
    await present(f, 'Pat').waitFor();
    await p.screenshot({ path: path.join(shots, 'locked-participant-1920.png') });
    await f.screenshot({ path: path.join(shots, 'locked-facilitator-1920.png') });

    // Unlocked, nothing queued lands: the undo was never taken.
    await f.getByRole('button', { name: 'Unlock board', exact: true }).click();
    await p.getByRole('button', { name: 'Add context' }).waitFor();
    await addContext(f, 'Fay after unlock');
    await card(p, 'Fay after unlock').waitFor();
    expect(await card(f, 'Pat’s card').count()).toBe(1);
    expect(await card(p, 'Pat’s card').count()).toBe(1);
    await present(f, 'Pat').waitFor();
    expect(sockets()).toBe(connected);
  });

  it('holds an offline edit that meets the lock until the unlock, or until its writer discards it', async () => {
    const shots = artifactDir('lock');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Lock and offline edits');
    const f = (await newDevice(browser, PROJECTOR)).page;
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const p = (await newDevice(browser, PHONE)).page;
    const sockets = countSockets(p);
    await joinBoard(p, room.participantUrl, 'Pat');

    await goOffline(p, true);
    await addContext(p, 'Offline idea');
    await card(p, 'Offline idea').waitFor();
    await f.getByRole('button', { name: 'Lock board', exact: true }).click();
    await goOffline(p, false);
    const reconnected = sockets();
    await p.getByText(WAITING).waitFor();
    await addContext(f, 'Fay while locked');
    await card(p, 'Fay while locked').waitFor();
    expect(await card(f, 'Offline idea').count()).toBe(0);
    expect(await card(p, 'Offline idea').count()).toBe(1);
    await present(f, 'Pat').waitFor();
    await p.screenshot({ path: path.join(shots, 'waiting-participant-390.png') });

    await f.getByRole('button', { name: 'Unlock board', exact: true }).click();
    await card(f, 'Offline idea').waitFor();
    // Pat's device sends the held edit and then redraws its note: the facilitator can have it first.
    await expect.poll(() => p.getByText(WAITING).count()).toBe(0);
    expect(sockets()).toBe(reconnected);

    // The discard path: the edit leaves the writer's device and reaches nobody.
    await goOffline(p, true);
    await addContext(p, 'Second thoughts');
    await f.getByRole('button', { name: 'Lock board', exact: true }).click();
    await goOffline(p, false);
    const again = sockets();
    await p.getByText(WAITING).waitFor();
    await p.getByRole('button', { name: 'Discard my waiting edits' }).click();
    await expect.poll(() => card(p, 'Second thoughts').count()).toBe(0);
    await expect.poll(() => p.getByText(WAITING).count()).toBe(0);
    await f.getByRole('button', { name: 'Unlock board', exact: true }).click();
    await p.getByRole('button', { name: 'Add context' }).waitFor();
    await addContext(p, 'Pat after discard');
    await card(f, 'Pat after discard').waitFor();
    expect(await card(f, 'Second thoughts').count()).toBe(0);
    expect(await card(f, 'Offline idea').count()).toBe(1);
    await present(f, 'Pat').waitFor();
    expect(sockets()).toBe(again);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { openBoardClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard, moveGroupTo, useBrowserSuite } from '../helpers/browserSuite.ts';

/* The list view is the same board as the canvas: a cluster named on the canvas groups its cards in the list, for screen readers and phones. */
const suite = useBrowserSuite();

/** Renames a cluster on the canvas by keyboard, as canvas.test.ts does. */
async function renameOnCanvas(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `Rename cluster "${from}"`, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(to);
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: `Cluster: ${to}` }).waitFor();
}

describe('clusters in the list view', () => {
  it('Context and Brainstorm: a cluster named on the canvas is a named group in the list, its cards inside, the rest in their lanes; initiatives apart', async () => {
    const shots = artifactDir('listClusters');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'List clusters');
    const seeder = openBoardClient(server.wsUrl, room.roomId);
    await seeder.synced;
    const b = seeder.board;
    b.transact(() => {
      const numbers = b.addCluster('context', 'Ideas', { x: 40, y: 40 });
      for (const [i, text] of ['Conversion fell to 58%', 'Card fees rise in Q3'].entries()) {
        const id = b.addContextItem({ kind: 'metric', text });
        b.placeNote('contextItems', id, { clusterId: numbers, pos: { x: 16, y: 48 + i * 150 } });
      }
      b.addContextItem({ kind: 'metric', text: 'Support tickets doubled' });
      b.addContextItem({ kind: 'mission', text: 'Make buying effortless' });
      const mobile = b.addCluster('brainstorm', 'Ideas', { x: 40, y: 40 });
      const kr = b.addKeyResult({ title: 'Mobile conversion from 41% to 50%' });
      const initiative = b.addInitiative({ title: 'Ship Apple Pay', keyResultIds: [] });
      b.placeNote('keyResults', kr, { clusterId: mobile, pos: { x: 16, y: 48 } });
      b.placeNote('initiatives', initiative, { clusterId: mobile, pos: { x: 16, y: 198 } });
      b.addKeyResult({ title: 'Payment failures below 1%' });
      b.addInitiative({ title: 'Redesign the address form', keyResultIds: [] });
    });

    const fay = (await newDevice(browser, PROJECTOR, { boardView: 'canvas' })).page;
    await joinBoard(fay, room.facilitatorUrl, 'Fay');
    // A phone starts on the list.
    const phone = (await newDevice(browser, PHONE, { boardView: undefined })).page;
    await phone.addInitScript(() => localStorage.removeItem('okr-board-preferences'));
    await joinBoard(phone, room.participantUrl, 'Pia');

    // Context: named on the canvas, grouped in the list; a card in no cluster stays in its kind's lane.
    await renameOnCanvas(fay, 'Ideas', 'Numbers');
    await fay.getByRole('button', { name: 'List' }).click();
    for (const page of [phone, fay]) {
      const group = page.getByRole('group', { name: 'Cluster: Numbers (2)' });
      for (const text of ['Conversion fell to 58%', 'Card fees rise in Q3']) await group.getByRole('listitem', { name: text }).waitFor();
      await page.getByRole('region', { name: 'Metric' }).getByRole('listitem', { name: 'Support tickets doubled' }).waitFor();
      expect(await page.getByRole('region', { name: 'Metric' }).getByRole('listitem', { name: 'Card fees rise in Q3' }).count()).toBe(0);
    }
    await phone.screenshot({ path: path.join(shots, 'context-list-phone-390.png'), fullPage: true });
    await fay.screenshot({ path: path.join(shots, 'context-list-facilitator-1920.png') });

    // Brainstorm: the same cluster groups its key result in the key results lane and its initiative in the initiatives lane.
    await moveGroupTo(fay, 'Brainstorm key results');
    await fay.getByRole('button', { name: 'Canvas' }).click();
    await renameOnCanvas(fay, 'Ideas', 'Mobile');
    await fay.getByRole('button', { name: 'List' }).click();
    for (const page of [phone, fay]) {
      const krs = page.getByRole('region', { name: 'Key results', exact: true });
      await krs.getByRole('group', { name: 'Cluster: Mobile (1)' }).getByRole('listitem', { name: 'Mobile conversion from 41% to 50%' }).waitFor();
      await krs.getByRole('listitem', { name: 'Payment failures below 1%' }).waitFor();
      expect(await krs.getByRole('listitem', { name: 'Ship Apple Pay' }).count()).toBe(0);
      const initiatives = page.getByRole('region', { name: 'Initiatives' });
      await initiatives.getByRole('group', { name: 'Cluster: Mobile (1)' }).getByRole('listitem', { name: 'Ship Apple Pay' }).waitFor();
      await initiatives.getByRole('listitem', { name: 'Redesign the address form' }).waitFor();
    }
    // Readable on a phone: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await phone.screenshot({ path: path.join(shots, 'brainstorm-list-phone-390.png'), fullPage: true });
    await fay.screenshot({ path: path.join(shots, 'brainstorm-list-facilitator-1920.png') });
    seeder.destroy();
  }, 120_000);
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice } from '../helpers/browser.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const OBJECTIVE = 'Returning customers check out without friction';
const TITLE = 'Reach 60% conversion';

/** Types into a field of the only key result on the refine step and saves it with Enter. */
async function save(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

const valueOf = (page: Page, label: string) => page.getByLabel(label, { exact: true }).inputValue();

describe('conflicting edits of one key result', () => {
  it('an offline title edit merges with an online one on both screens, and a lost target edit is announced with Restore mine', async () => {
    const shots = artifactDir('conflicts');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – Checkout');
    const seed = openBoardClient(server.wsUrl, room.roomId);
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await Promise.all([seed.synced, control.synced]);
    const chosen = seed.board.addCandidate({ text: OBJECTIVE });
    const kr = seed.board.addKeyResult({ title: TITLE, target: 60 });
    control.control.setObjective({ candidateId: chosen, title: OBJECTIVE, commitment: 'committed', contextIds: [], tally: [], decidedAt: new Date().toISOString() });
    control.control.set({ step: 'refine', reveals: { draft: 1, brainstorm: 1 }, privateWriting: { draft: false, brainstorm: false } });

    const anaDevice = await newDevice(browser);
    const benDevice = await newDevice(browser);
    const ana = anaDevice.page;
    const ben = benDevice.page;
    await joinBoard(ana, room.participantUrl, 'Ana');
    await joinBoard(ben, room.participantUrl, 'Ben');
    for (const page of [ana, ben]) await expect.poll(() => valueOf(page, 'Key result')).toBe(TITLE);

    // Ana loses the network and keeps editing; Ben edits the same card online meanwhile.
    await anaDevice.context.setOffline(true);
    await expect.poll(() => ana.locator('[data-status]').first().getAttribute('data-status')).not.toBe('connected');
    await save(ana, 'Key result', 'Reach 65% conversion');
    await save(ana, 'Target', '65');
    await save(ben, 'Key result', 'Reach 60% checkout conversion');
    await save(ben, 'Target', '70');
    await eventually(() => seed.board.keyResults.get(kr)?.target === 70, "Ben's target to reach the server");
    expect(seed.board.keyResults.get(kr)?.title).toBe('Reach 60% checkout conversion');

    // Back online: both text edits are there on both screens.
    await anaDevice.context.setOffline(false);
    await waitConnected(ana);
    for (const page of [ana, ben]) await expect.poll(() => valueOf(page, 'Key result'), { timeout: 20_000 }).toBe('Reach 65% checkout conversion');

    // The target is one value for everyone; whoever lost it is told, by name, and the other is not.
    await expect.poll(async () => (await valueOf(ana, 'Target')) === (await valueOf(ben, 'Target')), { timeout: 20_000 }).toBe(true);
    const anaLost = (await valueOf(ana, 'Target')) === '70';
    const [loser, winner, notice, mine] = anaLost
      ? [ana, ben, "Ben's change replaced your target 65 → 70", '65']
      : [ben, ana, "Ana's change replaced your target 70 → 65", '70'];
    const replaced = loser.getByRole('region', { name: 'Your replaced edits' });
    await replaced.getByText(notice).waitFor();
    expect(await winner.getByRole('region', { name: 'Your replaced edits' }).count()).toBe(0);
    await loser.screenshot({ path: path.join(shots, 'overwrite-notice.png') });

    // Restore mine puts the lost value back for everyone and clears the notice.
    await replaced.getByRole('button', { name: 'Restore mine' }).click();
    for (const page of [loser, winner]) await expect.poll(() => valueOf(page, 'Target')).toBe(mine);
    await eventually(() => seed.board.keyResults.get(kr)?.target === Number(mine), 'the restored target to reach the server');
    expect(await loser.getByRole('region', { name: 'Your replaced edits' }).count()).toBe(0);

    seed.destroy();
    control.destroy();
    await Promise.all([anaDevice.context.close(), benDevice.context.close()]);
  });
});

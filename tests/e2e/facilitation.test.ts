import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { joinBoard as join, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { createRoom } from '../helpers/server.ts';

const suite = useBrowserSuite();

const seconds = (text: string | null) => {
  const match = /(\d+):(\d{2})/.exec(text ?? '');
  return match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
};

describe('facilitation', () => {
  it('timer agrees across skewed clocks; ready check, lock, gates, hold, undo, projector and present mode', async () => {
    const shots = artifactDir('facilitation');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Facilitation check');
    const facilitator = await newDevice(browser, PROJECTOR);
    const f = facilitator.page;
    await join(f, room.facilitatorUrl, 'Fay');

    // A participant whose device clock is three minutes fast.
    const participant = await newDevice(browser, PHONE);
    await participant.context.addInitScript(() => {
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + 180_000;
    });
    const p = participant.page;
    await join(p, room.participantUrl, 'Pat');

    const viewer = await newDevice(browser, PROJECTOR);
    const v = viewer.page;
    await v.goto(room.viewerUrl);
    await waitConnected(v);

    // Timer: the same time left everywhere.
    await f.getByLabel('Timer minutes').fill('5');
    await f.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(async () => seconds(await p.getByRole('timer').textContent())).toBeGreaterThan(290);
    // Three pages read one after the other: on a loaded machine the reads can fall either side of a
    // tick, and the projector may not have the started timer yet. Agreement within a second, once.
    const spread = async () => {
      const [fs, ps, vs] = await Promise.all([f, p, v].map(async (page) => seconds(await page.getByRole('timer').first().textContent())));
      return Math.max(Math.abs(fs! - ps!), Math.abs(fs! - vs!));
    };
    await expect.poll(spread).toBeLessThanOrEqual(1);
    await f.getByRole('button', { name: 'Add one minute' }).click();
    await expect.poll(async () => seconds(await p.getByRole('timer').textContent())).toBeGreaterThan(350);

    // Ready check.
    await expect.poll(() => f.getByRole('toolbar', { name: 'Facilitation' }).getByText('0/1 ready').count()).toBe(1);
    await p.getByRole('button', { name: 'I’m done' }).click();
    await f.getByRole('toolbar', { name: 'Facilitation' }).getByText('1/1 ready').waitFor();
    await v.getByText('1/1 ready').waitFor();

    // The projector: large type, the join QR, follows the facilitator.
    await v.getByRole('img', { name: /QR code to join/ }).waitFor();
    const bodySize = await v.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    expect(bodySize).toBeGreaterThanOrEqual(28);
    expect(await v.getByRole('button').count()).toBe(0);
    await v.screenshot({ path: path.join(shots, 'projector-context.png') });

    // Undo only my own edit.
    await p.getByRole('textbox', { name: 'Context' }).fill('Pat’s card');
    await p.getByRole('button', { name: 'Add context' }).click();
    await f.getByRole('textbox', { name: 'Context' }).fill('Fay’s card');
    await f.getByRole('button', { name: 'Add context' }).click();
    await f.getByRole('listitem', { name: 'Pat’s card' }).waitFor();
    await f.getByRole('button', { name: 'Undo my last edit' }).click();
    await expect.poll(() => p.getByRole('listitem', { name: 'Fay’s card' }).count()).toBe(0);
    expect(await f.getByRole('listitem', { name: 'Pat’s card' }).count()).toBe(1);
    await f.locator('body').click();
    await f.keyboard.press('Control+Shift+Z');
    await p.getByRole('listitem', { name: 'Fay’s card' }).waitFor();

    // Lock: participants read-only, enforced by the server too.
    await f.getByRole('button', { name: 'Lock board', exact: true }).click();
    await p.getByText('Board locked by the facilitator').waitFor();
    expect(await p.getByRole('button', { name: 'Add context' }).count()).toBe(0);
    await f.getByRole('button', { name: 'Unlock board', exact: true }).click();
    await p.getByRole('button', { name: 'Add context' }).waitFor();

    // A half-written card holds its writer when the group moves on.
    await p.getByRole('textbox', { name: 'Context' }).fill('Half-written thought');
    // Jumping ahead names what is unmet on the way; staying changes nothing.
    await f.getByRole('button', { name: 'Pick THE objective' }).click();
    await f.getByRole('dialog').getByText('Drafts are still private: reveal them first.').waitFor();
    await f.screenshot({ path: path.join(shots, 'gate-dialog.png') });
    await f.getByRole('button', { name: 'Stay here' }).click();
    expect(await v.getByRole('heading', { name: /Context/ }).count()).toBe(1);
    await f.getByRole('button', { name: 'Draft objectives' }).click();
    await v.getByRole('heading', { name: /Draft objectives/ }).waitFor();
    await p.getByText('The group moved on to').waitFor();
    expect(await p.getByRole('textbox', { name: 'Context' }).inputValue()).toBe('Half-written thought');
    await p.screenshot({ path: path.join(shots, 'held-phone.png'), fullPage: true });
    await p.getByRole('button', { name: 'Add context' }).click();
    await p.getByRole('button', { name: 'Join the group' }).click();
    await p.getByRole('heading', { name: /Draft objectives/ }).waitFor();
    await f.getByRole('button', { name: 'Context' }).click();
    await f.getByRole('listitem', { name: 'Half-written thought' }).waitFor();

    // Going back is never gated; ←/→ move the group.
    await f.locator('body').click();
    await f.keyboard.press('ArrowRight');
    await v.getByRole('heading', { name: /Draft objectives/ }).waitFor();
    await f.keyboard.press('ArrowLeft');
    await v.getByRole('heading', { name: /Context/ }).waitFor();

    // Present mode on the facilitator's own screen.
    await f.getByRole('button', { name: 'Present' }).click();
    await f.getByRole('img', { name: /QR code to join/ }).waitFor();
    await f.screenshot({ path: path.join(shots, 'present-mode.png') });
    await f.getByRole('button', { name: 'Exit present mode' }).click();
    await f.getByRole('toolbar', { name: 'Facilitation' }).waitFor();
    await f.screenshot({ path: path.join(shots, 'facilitator.png') });

    await Promise.all([facilitator.context.close(), participant.context.close(), viewer.context.close()]);
  });
});

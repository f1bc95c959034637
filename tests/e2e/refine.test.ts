import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { okrExportSchema } from '@okr/shared/export';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard as join, useBrowserSuite } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const KR1 = 'Checkout conversion rate from 58% to 65% by 30 Sep';
const KR2 = 'Reduce cart abandonment';
const KR3 = 'Avg. customer satisfaction score > 8';
const OBJECTIVE = 'Returning customers check out without friction';


/** A field inside one key result's card, by its label. */
const field = (card: Locator, label: string) => card.getByLabel(label, { exact: true });

describe('SMART refine and summary', () => {
  it('two people fill a key result live, findings update, blind confidence is revealed and kept, the summary exports valid JSON', async () => {
    const shots = artifactDir('refine');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – Checkout');

    // Seed the board the way any y-websocket client could: content, then the facilitator's decisions.
    const seed = openBoardClient(server.wsUrl, room.roomId);
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await Promise.all([seed.synced, control.synced]);
    const board = seed.board;
    board.updateWorkshop({ team: 'Checkout', cycleLabel: 'Q3 2026', cycleStart: '2026-07-01', cycleEnd: '2026-09-30', checkInCadence: 'weekly' });
    const mission = board.addContextItem({ kind: 'mission', text: 'Make checkout effortless' });
    const chosen = board.addCandidate({ text: OBJECTIVE });
    const other = board.addCandidate({ text: 'Mobile app parity' });
    board.addParkedItem({ text: 'Mobile app parity', reason: 'Waits for the platform team', candidateId: other });
    const kr1 = board.addKeyResult({ title: KR1 });
    const kr2 = board.addKeyResult({ title: KR2 });
    board.addKeyResult({ title: KR3, ownerName: 'Dan', leadLag: 'leading' });
    board.addInitiative({ title: 'Cart reminder emails', ownerName: 'Dan', keyResultIds: [kr2] });
    control.control.setObjective({
      candidateId: chosen,
      title: OBJECTIVE,
      description: 'Returning customers are most of our revenue and leave at the payment page.',
      commitment: 'committed',
      contextIds: [],
      tally: [
        { candidateId: chosen, text: OBJECTIVE, votes: 5 },
        { candidateId: other, text: 'Mobile app parity', votes: 2 },
      ],
      rationale: 'The biggest revenue lever this quarter.',
      decidedAt: new Date().toISOString(),
    });
    control.control.set({ step: 'refine', reveals: { draft: 1, brainstorm: 1 }, privateWriting: { draft: false, brainstorm: false } });

    const facilitator = await newDevice(browser, PROJECTOR);
    const f = facilitator.page;
    await join(f, room.facilitatorUrl, 'Fay');
    const participant = await newDevice(browser, PHONE);
    const p = participant.page;
    await join(p, room.participantUrl, 'Pat');
    for (const page of [f, p]) await page.getByRole('heading', { name: /SMART refine/ }).waitFor();

    const fCard1 = f.getByRole('listitem', { name: KR1 });
    const pCard1 = p.getByRole('listitem', { name: KR1 });
    const fCard2 = f.getByRole('listitem', { name: KR2 });
    const pCard2 = p.getByRole('listitem', { name: KR2 });

    // THE objective links the context it serves (facilitator only; everyone sees the link).
    await expect(p.getByRole('region', { name: 'The objective' }).getByRole('checkbox').count()).resolves.toBe(0);
    await f.getByRole('checkbox', { name: /Make checkout effortless/ }).check();
    await p.getByRole('list', { name: 'Context it serves' }).getByRole('listitem', { name: 'Make checkout effortless' }).waitFor();

    // The participant takes what the title says, offered rather than written silently.
    await expect(field(pCard1, 'Baseline').inputValue()).resolves.toBe('');
    await pCard1.getByRole('button', { name: 'Use 58% → 65% (increase) from the title' }).waitFor();
    await pCard1.getByRole('button', { name: 'Use all of these' }).click();
    await expect.poll(() => field(fCard1, 'Metric name').inputValue()).toBe('Checkout conversion rate');
    await expect.poll(() => field(fCard1, 'Baseline').inputValue()).toBe('58');
    await expect.poll(() => field(fCard1, 'Target').inputValue()).toBe('65');
    await expect.poll(() => field(fCard1, 'Unit').inputValue()).toBe('%');
    await expect.poll(() => field(fCard1, 'Deadline').inputValue()).toBe('2026-09-30');
    await expect.poll(() => field(fCard1, 'Direction').inputValue()).toBe('increase');

    // Fields save as you go and show live in the other browser.
    await field(pCard1, 'Owner').fill('Ana');
    await field(pCard1, 'Owner').press('Enter');
    await field(pCard1, 'Type').selectOption('metric');
    await field(pCard1, 'Leading or lagging').selectOption('lagging');
    await expect.poll(() => field(fCard1, 'Owner').inputValue()).toBe('Ana');
    await expect.poll(() => field(fCard1, 'Type').inputValue()).toBe('metric');
    await expect.poll(() => field(fCard1, 'Leading or lagging').inputValue()).toBe('lagging');

    // Invalid input: a clear error beside the field, and nothing written.
    await field(pCard1, 'Owner email').fill('ana@');
    await field(pCard1, 'Owner email').press('Enter');
    await pCard1.getByRole('alert').filter({ hasText: 'not an email address' }).waitFor();
    await field(pCard1, 'Target').fill('sixty-five');
    await field(pCard1, 'Target').press('Tab');
    await pCard1.getByRole('alert').filter({ hasText: 'Write a number' }).waitFor();
    // The seed client is a third device: the facilitator showing 65 says nothing of when it has it.
    await eventually(() => board.keyResults.get(kr1)?.target === 65, 'the target from the title to reach the seed client');
    expect(board.keyResults.get(kr1)?.ownerEmail).toBeUndefined();
    expect(board.keyResults.get(kr1)?.target).toBe(65);
    await expect(field(fCard1, 'Owner email').inputValue()).resolves.toBe('');
    await field(pCard1, 'Target').press('Escape');
    await expect(field(pCard1, 'Target').inputValue()).resolves.toBe('65');
    await field(pCard1, 'Owner email').fill('ana@example.com');
    await field(pCard1, 'Owner email').press('Enter');
    await expect.poll(() => field(fCard1, 'Owner email').inputValue()).toBe('ana@example.com');
    await expect.poll(() => pCard1.getByRole('alert').count()).toBe(0);

    // A finding disappears, for everyone, once the field it asks for is filled.
    const noOwner = fCard2.getByRole('listitem', { name: /Has no owner/ });
    await noOwner.waitFor();
    await field(pCard2, 'Owner').fill('Ben');
    await field(pCard2, 'Owner').press('Enter');
    await expect.poll(() => noOwner.count()).toBe(0);
    await expect.poll(() => pCard2.getByRole('listitem', { name: /Has no owner/ }).count()).toBe(0);

    // SMART chips: Measurable now passes for KR 1.
    await expect(fCard1.getByRole('list', { name: 'SMART checks' }).getByRole('button', { name: /^Measurable: passes/ }).count()).resolves.toBe(1);

    // The reason behind a letter opens with a click (touch: tests/e2e/refineTouch.test.ts), and closes with another.
    const specific = pCard2.getByRole('list', { name: 'SMART checks' }).getByRole('button', { name: /^Specific: not yet/ });
    await specific.click();
    await pCard2.locator('.smart-reason', { hasText: 'Name the metric you will count' }).waitFor({ state: 'visible' });
    await p.screenshot({ path: path.join(shots, 'smart-reason-phone.png') });
    await specific.click();
    await expect.poll(() => pCard2.locator('.smart-reason').count()).toBe(0);

    // Dismiss a finding: it folds into "1 dismissed — show" everywhere, with who dismissed it.
    await fCard2.getByRole('button', { name: /^Dismiss: Has no number/ }).click();
    await pCard2.getByRole('button', { name: '1 dismissed — show' }).click();
    await pCard2.getByRole('listitem', { name: /^Dismissed: Has no number/ }).getByText('Dismissed by Fay.').waitFor();
    await eventually(() => board.dismissedFindings().has(`kr-has-number:${kr2}`), 'the dismissal to reach the seed client');

    // Blind confidence: both vote, only the count shows, the facilitator reveals and keeps the average.
    await pCard1.getByRole('group', { name: /Your confidence/ }).getByRole('button', { name: /^4 of 5/ }).click();
    await fCard1.getByRole('group', { name: /Your confidence/ }).getByRole('button', { name: /^3 of 5/ }).click();
    for (const card of [fCard1, pCard1]) await card.getByText('2 voted').waitFor();
    await expect(pCard1.getByRole('list', { name: 'How the room voted' }).count()).resolves.toBe(0);
    await expect(pCard1.getByRole('button', { name: /Reveal/ }).count()).resolves.toBe(0);
    await f.screenshot({ path: path.join(shots, 'refine-projector.png') });
    await p.screenshot({ path: path.join(shots, 'refine-phone.png'), fullPage: true });

    await fCard1.getByRole('button', { name: `Reveal confidence votes for "${KR1}"` }).click();
    for (const card of [fCard1, pCard1]) {
      await card.getByRole('list', { name: 'How the room voted' }).getByRole('listitem', { name: '4 of 5: 1 vote' }).waitFor();
      await card.getByText('Average 3.5 / 5').waitFor();
    }
    await fCard1.getByRole('button', { name: 'Keep 3.5 / 5' }).click();
    await eventually(() => board.keyResults.get(kr1)?.confidence === 0.7, 'the kept confidence to reach the seed client');
    await pCard1.getByText('3.5 / 5 kept').waitFor();
    await f.screenshot({ path: path.join(shots, 'refine-projector-revealed.png'), fullPage: true });

    // The projector shows the step read-only: values as text, votes as counts or the revealed spread, no buttons.
    const viewer = await newDevice(browser, PROJECTOR);
    const v = viewer.page;
    await v.goto(room.viewerUrl);
    const vCard1 = v.getByRole('listitem', { name: KR1 });
    await vCard1.getByText('Checkout conversion rate (%)').waitFor();
    await vCard1.getByText('Average 3.5 / 5').waitFor();
    expect(await v.getByRole('button').count()).toBe(0);
    expect(await v.getByRole('textbox').count()).toBe(0);
    await v.screenshot({ path: path.join(shots, 'refine-viewer.png'), fullPage: true });

    // On to the summary (the gate names what is unmet; the facilitator moves anyway).
    await f.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: 'Summary' }).click();
    const moveAnyway = f.getByRole('button', { name: 'Move anyway' });
    await moveAnyway.or(f.getByRole('region', { name: 'Key results' })).first().waitFor();
    if (await moveAnyway.isVisible()) await moveAnyway.click();
    for (const page of [f, p]) {
      const krs = page.getByRole('region', { name: 'Key results' });
      await krs.getByRole('rowheader', { name: new RegExp(KR1) }).waitFor();
      const row = krs.getByRole('row').filter({ hasText: KR1 });
      await row.getByText('58% → 65%').waitFor();
      await row.getByText('ana@example.com').waitFor();
      await page.getByRole('region', { name: 'Parked' }).getByText('Waits for the platform team').waitFor();
      await page.getByRole('region', { name: 'Initiatives' }).getByText(/serves KR 2/).waitFor();
    }
    expect(await p.getByRole('button', { name: /Download|Copy Markdown/ }).count()).toBe(0);

    // The JSON download is a valid export with everything the room filled in.
    const [download] = await Promise.all([f.waitForEvent('download'), f.getByRole('button', { name: 'Download JSON' }).click()]);
    expect(download.suggestedFilename()).toBe('okr-export-q3-okrs-checkout.json');
    const file = okrExportSchema.parse(JSON.parse(fs.readFileSync(await download.path(), 'utf8')));
    expect(file.objective?.contextIds).toEqual([mission]);
    expect(file.keyResults[0]).toMatchObject({
      id: kr1,
      metric: { name: 'Checkout conversion rate', unit: '%' },
      type: 'metric',
      direction: 'increase',
      baseline: 58,
      target: 65,
      deadline: '2026-09-30',
      owner: { name: 'Ana', email: 'ana@example.com' },
      confidence: 0.7,
      leadLag: 'lagging',
    });
    expect(file.dismissedFindings).toContain(`kr-has-number:${kr2}`);
    expect(file.findings.some((finding) => finding.rule === 'kr-has-owner' && finding.target.id === kr2)).toBe(false);

    const [csv] = await Promise.all([f.waitForEvent('download'), f.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('okr-export-q3-okrs-checkout.csv');
    expect(fs.readFileSync(await csv.path(), 'utf8')).toContain('ana@example.com');

    await f.getByRole('button', { name: 'Copy Markdown' }).click();
    await f.getByRole('status').filter({ hasText: 'Copied the Markdown' }).waitFor();
    const markdown = await f.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain(`**${OBJECTIVE}** (committed)`);
    expect(markdown).toContain('58% → 65% by 2026-09-30');

    await f.screenshot({ path: path.join(shots, 'summary-projector.png'), fullPage: true });
    await p.screenshot({ path: path.join(shots, 'summary-phone.png'), fullPage: true });

    // The projector follows to the Summary's first page, the OKR, large, with no buttons.
    await v.getByRole('list', { name: 'Key results' }).getByRole('listitem', { name: KR1 }).waitFor();
    expect(await v.getByRole('button').count()).toBe(0);
    await v.screenshot({ path: path.join(shots, 'summary-viewer.png') });
    await v.screenshot({ path: path.join(shots, 'summary-viewer-full.png'), fullPage: true });

    seed.destroy();
    control.destroy();
    await Promise.all([facilitator.context.close(), participant.context.close(), viewer.context.close()]);
  });
});

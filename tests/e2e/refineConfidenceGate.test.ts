import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { openRequester, requestOnceThere } from '../helpers/requester.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard, moveGroupTo, useBrowserSuite } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const OBJECTIVE = 'Returning customers check out without friction';
const CONVERSION = 'Checkout conversion rate from 58% to 65% by 30 Sep';
const CHURN = 'Churn from 5% to 3%';
const NPS = 'NPS > 40';
const TASK = 'Build a cart reminder tool';

describe('SMART refine: confidence on its scale, Keep all, the gate that names the card, delete with undo (issue 15)', () => {
  it('shows "3.5 / 5" in Refine and the Summary, keeps all, names each card and field at the gate, jumps to the card, deletes and undoes', async () => {
    const shots = artifactDir('refine-confidence-gate');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – Checkout');

    const seed = openBoardClient(server.wsUrl, room.roomId);
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await Promise.all([seed.synced, control.synced]);
    const board = seed.board;
    board.updateWorkshop({ cycleLabel: 'Q3 2026', cycleStart: '2026-07-01', cycleEnd: '2026-09-30' });
    const mission = board.addContextItem({ kind: 'mission', text: 'Make checkout effortless' });
    const chosen = board.addCandidate({ text: OBJECTIVE });
    const conversion = board.addKeyResult({ title: CONVERSION, ownerName: 'Ana' });
    // Baseline, target and deadline (the cycle end) are all there: only the owner is missing.
    const churn = board.addKeyResult({ title: CHURN });
    const nps = board.addKeyResult({ title: NPS });
    const task = board.addKeyResult({ title: TASK, ownerName: 'Dan' });
    // Fist of five, sent to the server by two seated stock clients: 3 and 4 fingers on two key results.
    const voters = ['voter-a-seat-secret-000000001', 'voter-b-seat-secret-000000001'].map((seat) => openRequester(server.wsUrl, room.roomId, { seat }));
    for (const keyResultId of [conversion, churn]) {
      await requestOnceThere(voters[0]!, 'castConfidence', { keyResultId, value: 0.6 });
      await requestOnceThere(voters[1]!, 'castConfidence', { keyResultId, value: 0.8 });
    }
    control.control.setObjective({ candidateId: chosen, title: OBJECTIVE, commitment: 'committed', contextIds: [mission], tally: [], decidedAt: new Date().toISOString() });
    control.control.set({ step: 'refine', reveals: { draft: 1, brainstorm: 1 }, privateWriting: { draft: false, brainstorm: false } });
    control.control.revealConfidence([conversion, churn]);

    const facilitator = await newDevice(browser, PROJECTOR);
    const f = facilitator.page;
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    const participant = await newDevice(browser, PHONE);
    const p = participant.page;
    await joinBoard(p, room.participantUrl, 'Pat');
    const viewer = await newDevice(browser, PROJECTOR);
    const v = viewer.page;
    await v.goto(room.viewerUrl);

    // Confidence on the scale the room voted in, everywhere a person reads it.
    const fConversion = f.getByRole('listitem', { name: CONVERSION });
    for (const page of [f, p, v]) await page.getByRole('listitem', { name: CONVERSION }).getByText('Average 3.5 / 5').waitFor();
    await fConversion.getByRole('button', { name: 'Keep 3.5 / 5' }).waitFor();
    await f.screenshot({ path: path.join(shots, 'refine-facilitator-revealed.png') });

    // Keep all: both revealed averages kept in one click.
    await f.getByRole('button', { name: 'Keep all (2)' }).click();
    await eventually(() => board.keyResults.get(conversion)?.confidence === 0.7 && board.keyResults.get(churn)?.confidence === 0.7, 'both kept averages to reach the seed client');
    for (const title of [CONVERSION, CHURN]) await p.getByRole('listitem', { name: title }).getByText('3.5 / 5 kept').waitFor();
    expect(await f.getByRole('button', { name: /^Keep all/ }).count()).toBe(0);
    await p.screenshot({ path: path.join(shots, 'refine-phone.png'), fullPage: true });
    await v.screenshot({ path: path.join(shots, 'refine-projector.png') });

    // Delete where the card is; Undo in its place brings it back with its id.
    await f.getByRole('button', { name: `Delete "${TASK}"` }).click();
    await eventually(() => !board.keyResults.has(task), 'the delete to reach the seed client');
    await p.getByRole('listitem', { name: TASK }).waitFor({ state: 'detached' });
    await f.getByRole('status').filter({ hasText: `Deleted "${TASK}".` }).waitFor();
    await f.screenshot({ path: path.join(shots, 'refine-deleted.png') });
    await f.getByRole('button', { name: `Undo delete of "${TASK}"` }).click();
    await eventually(() => board.keyResults.get(task)?.title === TASK, 'the undone delete to reach the seed client');
    await p.getByRole('listitem', { name: TASK }).waitFor();
    expect(await f.getByRole('button', { name: /^Undo delete/ }).count()).toBe(0);

    // The gate before the Summary names each unfinished card and exactly what it lacks.
    await f.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: 'Summary' }).click();
    const gate = f.getByRole('dialog', { name: 'Move on to Summary?' });
    await gate.waitFor();
    const lines = await gate.getByRole('listitem').allTextContents();
    expect(lines).toEqual([
      `KR 2 "${CHURN}": add an owner.Go to card`,
      `KR 3 "${NPS}": add a baseline and an owner.Go to card`,
      `KR 4 "${TASK}": add a baseline and a target.Go to card`,
    ]);
    await f.screenshot({ path: path.join(shots, 'gate-dialog.png') });

    // Go to card: the dialog closes and the card is focused and in view.
    await gate.getByRole('button', { name: `Go to KR 3 "${NPS}"` }).click();
    await gate.waitFor({ state: 'hidden' });
    await expect.poll(() => f.evaluate(() => [document.activeElement?.id, document.activeElement?.getAttribute('aria-label')])).toEqual([`kr-card-${nps}`, NPS]);
    const box = await f.getByRole('listitem', { name: NPS }).boundingBox();
    expect(box && box.y >= 0 && box.y < PROJECTOR.height).toBe(true);
    await f.screenshot({ path: path.join(shots, 'gate-jumped-to-card.png') });
    expect(await control.control.state().step).toBe('refine');

    // The Summary shows the kept confidence on the same scale.
    await moveGroupTo(f, 'Summary');
    for (const page of [f, p]) {
      const row = page.getByRole('region', { name: 'Key results' }).getByRole('row').filter({ hasText: CONVERSION });
      await row.getByText('3.5 / 5').waitFor();
    }
    // The projector's Summary page lists each key result on a line of its own.
    await v.getByRole('list', { name: 'Key results' }).getByRole('listitem', { name: CONVERSION }).getByText('3.5 / 5', { exact: false }).waitFor();
    await f.screenshot({ path: path.join(shots, 'summary-facilitator.png') });
    await v.screenshot({ path: path.join(shots, 'summary-projector.png') });
    await p.screenshot({ path: path.join(shots, 'summary-phone.png'), fullPage: true });

    await Promise.all([facilitator.context.close(), participant.context.close(), viewer.context.close()]);
    seed.destroy();
    control.destroy();
    for (const voter of voters) voter.destroy();
  });
});

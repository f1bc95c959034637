import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, dragAnnouncements, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { openBoardClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard as join, moveGroupTo, useBrowserSuite } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const EFFORTLESS = 'Checkout feels effortless on every device';
const TRUST = 'Shoppers trust us with their payment details';
const COME_BACK = 'Customers come back for a second order';
const SUPPORT = 'Support answers within the hour';
const REWORDED = 'Customers come back because they love buying from us';
const RATIONALE = 'Most dots, and repeat purchases are our weakest number.';


const budget = (page: Page) => page.getByRole('status').filter({ hasText: /dots left/i });

describe('Pick THE objective and Park, in Chromium', () => {
  it('a facilitator runs a dot vote with a proxy, confirms THE objective, and the group parks the rest', async () => {
    const shots = artifactDir('pickpark');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – Checkout');

    // Candidates from step 2, written quickly through a stock client; two of them grouped.
    const seeder = openBoardClient(server.wsUrl, room.roomId);
    await seeder.synced;
    const effortlessId = seeder.board.addCandidate({ text: EFFORTLESS });
    const trustId = seeder.board.addCandidate({ text: TRUST });
    const comeBackId = seeder.board.addCandidate({ text: COME_BACK });
    seeder.board.addCandidate({ text: SUPPORT });
    seeder.board.groupCandidate(trustId, effortlessId);

    const facilitator = await newDevice(browser, PROJECTOR);
    const ana = await newDevice(browser, PHONE);
    const bo = await newDevice(browser, { width: 1280, height: 800 });
    const viewer = await newDevice(browser, PROJECTOR);
    const [f, a, b, v] = [facilitator.page, ana.page, bo.page, viewer.page];
    const problems: string[] = [];
    for (const page of [f, a, b, v]) {
      page.on('pageerror', (err) => problems.push(err.message));
      page.on('console', (message) => {
        // The browser's own favicon request is not the board's doing.
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`${message.text()} ${message.location().url}`);
      });
    }
    await join(f, room.facilitatorUrl, 'Fay');
    await join(a, room.participantUrl, 'Ana');
    await join(b, room.participantUrl, 'Bo');
    await v.goto(room.viewerUrl);
    await f.getByRole('region', { name: 'Who is here' }).getByText('Ana').waitFor();
    await f.getByRole('region', { name: 'Who is here' }).getByText('Bo').waitFor();
    seeder.destroy();

    // Step 3. Candidates grouped in step 2 show together.
    await moveGroupTo(f, 'Pick THE objective');
    for (const page of [a, b, v]) await page.getByRole('listitem', { name: COME_BACK }).waitFor();
    expect(await f.getByRole('region', { name: 'Group of 2' }).getByRole('listitem').count()).toBe(2);
    await a.getByText('Voting has not started yet').waitFor();

    const controls = f.getByRole('region', { name: 'Voting controls' });
    await controls.getByLabel('Dots per person').fill('3');
    await controls.getByLabel('Most dots on one card').fill('2');
    await controls.getByRole('button', { name: 'Open voting' }).click();
    await controls.getByText('0 of 2 have voted').waitFor();

    // Ana: the budget, the per-card cap and the empty budget, each refused with the rule's words.
    await budget(a).getByText('Dots left: 3 of 3').waitFor();
    await a.getByRole('button', { name: `Add a dot to "${COME_BACK}"` }).click();
    await budget(a).getByText('Dots left: 2 of 3').waitFor();
    await a.getByRole('button', { name: `Add a dot to "${COME_BACK}"` }).click();
    await a.getByRole('button', { name: `Add a dot to "${COME_BACK}"` }).click();
    await a.getByRole('listitem', { name: COME_BACK }).getByRole('alert').getByText('This card already has as many of your dots as one card may take.').waitFor();
    await a.getByRole('button', { name: `Add a dot to "${EFFORTLESS}"` }).click();
    await budget(a).getByText('Dots left: 0 of 3').waitFor();
    await a.getByRole('button', { name: `Add a dot to "${SUPPORT}"` }).click();
    await a.getByRole('listitem', { name: SUPPORT }).getByRole('alert').getByText('All your dots are placed: take one back to move it.').waitFor();
    // Taking one back frees a dot.
    await a.getByRole('button', { name: `Take a dot back from "${EFFORTLESS}"` }).click();
    await budget(a).getByText('Dots left: 1 of 3').waitFor();
    await a.getByRole('button', { name: `Add a dot to "${EFFORTLESS}"` }).click();
    await budget(a).getByText('Dots left: 0 of 3').waitFor();

    // The facilitator sees who has not voted, never a tally; Bo sees only his own dots.
    await controls.getByText('1 of 2 have voted').waitFor();
    const notVoted = controls.getByRole('list', { name: 'Not voted yet' });
    await notVoted.getByText('Bo').waitFor();
    expect(await notVoted.getByText('Ana').count()).toBe(0);
    await b.getByRole('listitem', { name: COME_BACK }).getByText('None of your dots').waitFor();
    await v.getByText('1 of 2 have voted').waitFor();
    await f.screenshot({ path: path.join(shots, 'pick-voting-projector.png') });
    await a.screenshot({ path: path.join(shots, 'pick-voting-phone.png'), fullPage: true });
    await v.screenshot({ path: path.join(shots, 'pick-voting-viewer.png') });

    await b.getByRole('button', { name: `Add a dot to "${COME_BACK}"` }).click();
    await b.getByRole('button', { name: `Add a dot to "${TRUST}"` }).click();
    await b.getByRole('button', { name: `Add a dot to "${TRUST}"` }).click();
    await budget(b).getByText('Dots left: 0 of 3').waitFor();
    await controls.getByText('2 of 2 have voted').waitFor();

    // Kim is in the room without a device: the facilitator votes on her behalf.
    await controls.getByLabel('Vote for someone without a device').fill('Kim');
    await controls.getByRole('button', { name: 'Vote for them' }).click();
    await budget(f).getByText('Kim’s dots left: 3 of 3').waitFor();
    await f.getByRole('button', { name: `Add a dot to "${EFFORTLESS}"` }).click();
    await f.getByRole('button', { name: `Add a dot to "${EFFORTLESS}"` }).click();
    await f.getByRole('button', { name: `Add a dot to "${COME_BACK}"` }).click();
    await budget(f).getByText('Kim’s dots left: 0 of 3').waitFor();
    await f.screenshot({ path: path.join(shots, 'pick-proxy-projector.png') });
    await controls.getByText('3 of 3 have voted').waitFor();
    await f.getByRole('button', { name: 'Done voting for Kim' }).click();
    await budget(f).getByText('Dots left: 3 of 3').waitFor();

    // Tallies stay hidden from everyone while voting is open.
    for (const page of [f, a, b, v]) {
      expect(await page.getByRole('list', { name: 'Vote result' }).count()).toBe(0);
      expect(await page.getByText(/\d+ dots?$/).count()).toBe(0);
    }
    await v.getByText('3 of 3 have voted').waitFor();
    expect(await v.locator('.pick-step').getByRole('button').count()).toBe(0);

    await controls.getByRole('button', { name: 'Close voting' }).click();

    // The projector shows each card's dots once voting closed.
    await v.getByRole('list', { name: 'Candidate objectives' }).getByRole('listitem', { name: COME_BACK }).getByText('4 dots').waitFor();
    // The tally, sorted, the top card highlighted, for everyone on the board: Come back 4, Effortless 3, Trust 2, Support 0.
    for (const page of [f, a, b]) {
      const result = page.getByRole('list', { name: 'Vote result' });
      await result.waitFor();
      await expect.poll(() => result.getByRole('listitem').evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')))).toEqual([COME_BACK, EFFORTLESS, TRUST, SUPPORT]);
      const top = result.getByRole('listitem', { name: COME_BACK });
      await top.getByText('4 dots').waitFor();
      expect(await top.getAttribute('class')).toContain('is-top');
    }

    // The facilitator confirms the top card, reworded, with a rationale.
    const confirm = f.getByRole('form', { name: 'Confirm THE objective' });
    expect(await confirm.getByLabel('Candidate').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toContain(COME_BACK);
    expect(await confirm.getByLabel('Final wording').inputValue()).toBe(COME_BACK);
    await confirm.getByLabel('Final wording').fill(REWORDED);
    await confirm.getByRole('button', { name: 'Confirm THE objective' }).click();
    await confirm.getByText('Say in a sentence why the group chose this one').waitFor();
    await confirm.getByLabel('Rationale').fill(RATIONALE);
    await confirm.getByLabel('Aspirational').check();
    await confirm.getByRole('button', { name: 'Confirm THE objective' }).click();

    // The projector shows THE objective over the candidates, with their dots (its own page layout).
    await v.getByText(REWORDED).waitFor();
    for (const page of [f, a, b]) {
      const objective = page.getByRole('region', { name: 'THE objective' });
      await objective.getByRole('heading', { name: REWORDED }).waitFor();
      await objective.getByText(RATIONALE).waitFor();
      await objective.getByText('4 of 9 dots, the most').waitFor();
      await objective.getByText('Aspirational').waitFor();
    }
    await f.getByRole('region', { name: 'THE objective' }).getByRole('button', { name: 'Change the decision' }).waitFor();
    expect(await a.getByRole('button', { name: 'Change the decision' }).count()).toBe(0);

    // The facilitator changes the decision and back again: the decision record follows, nothing is lost.
    await f.getByRole('button', { name: 'Change the decision' }).click();
    const change = f.getByRole('form', { name: 'Confirm THE objective' });
    await change.getByLabel('Candidate').selectOption(effortlessId);
    expect(await change.getByLabel('Final wording').inputValue()).toBe(EFFORTLESS);
    await change.getByLabel('Rationale').fill('Trying the runner-up for size.');
    await change.getByRole('button', { name: 'Confirm the new decision' }).click();
    await a.getByRole('region', { name: 'THE objective' }).getByRole('heading', { name: EFFORTLESS }).waitFor();
    await a.getByRole('region', { name: 'THE objective' }).getByText('3 of 9 dots, not the most').waitFor();
    await f.getByRole('button', { name: 'Change the decision' }).click();
    await change.getByLabel('Candidate').selectOption(comeBackId);
    await change.getByLabel('Final wording').fill(REWORDED);
    await change.getByLabel('Rationale').fill(RATIONALE);
    await change.getByRole('button', { name: 'Confirm the new decision' }).click();
    await v.getByText(REWORDED).waitFor();
    for (const page of [f, a, b]) {
      const objective = page.getByRole('region', { name: 'THE objective' });
      await objective.getByRole('heading', { name: REWORDED }).waitFor();
      await objective.getByText('4 of 9 dots, the most').waitFor();
    }
    await f.screenshot({ path: path.join(shots, 'pick-projector.png') });
    await a.screenshot({ path: path.join(shots, 'pick-phone.png'), fullPage: true });
    await v.screenshot({ path: path.join(shots, 'pick-viewer.png') });

    // Step 4: everything else is parked with a reason or discarded.
    await moveGroupTo(f, 'Park');
    for (const page of [f, a, b, v]) await page.getByRole('status').filter({ hasText: '3 still unsorted' }).waitFor();
    await b.getByRole('region', { name: 'THE objective' }).getByText(REWORDED).waitFor();

    // Bo parks a card with the keyboard: pick up, arrow to Parked, drop, give the reason.
    const unsortedLane = b.getByRole('region', { name: 'Unsorted' });
    const parkedLane = b.getByRole('region', { name: 'Parked' });
    await unsortedLane.getByRole('button', { name: `Move "${EFFORTLESS}"` }).focus();
    await b.keyboard.press('Space');
    // The arrow moves the card only once the drag has started and measured the lanes: it then finds
    // the card over its own lane and says so (right after "Picked up").
    await expect.poll(() => dragAnnouncements(b).textContent()).toBe(`"${EFFORTLESS}" is over Unsorted.`);
    await b.keyboard.press('ArrowRight');
    await parkedLane.getByText(`Drop to park “${EFFORTLESS}”`).waitFor();
    await b.waitForTimeout(300); // the overlay glides to the lane (for the screenshot only)
    await b.screenshot({ path: path.join(shots, 'park-keyboard-drag.png') });
    await b.keyboard.press('Space');
    const parkForm = parkedLane.getByRole('form', { name: `Park "${EFFORTLESS}"` });
    await parkForm.waitFor();
    await b.keyboard.type('Needs the new payment provider first');
    expect(await parkForm.getByLabel('Reason').inputValue()).toBe('Needs the new payment provider first');
    await parkForm.getByLabel('Owner (optional)').fill('Bo');
    await parkForm.getByLabel('Revisit on (optional)').fill('2025-10-01');
    await b.screenshot({ path: path.join(shots, 'park-reason-form.png') });
    await parkForm.getByLabel('Reason').press('Enter');
    const parkedCard = parkedLane.getByRole('listitem', { name: EFFORTLESS });
    await parkedCard.getByText('Needs the new payment provider first').waitFor();
    await parkedCard.getByText('Bo').waitFor();
    for (const page of [f, a]) await page.getByRole('region', { name: 'Parked' }).getByRole('listitem', { name: EFFORTLESS }).waitFor();
    await v.getByRole('list', { name: 'Parked' }).getByRole('listitem', { name: EFFORTLESS }).waitFor();
    await b.getByRole('status').filter({ hasText: '2 still unsorted' }).waitFor();

    // Ana, on her phone, discards one with the plain button; the facilitator parks the last one.
    await a.getByRole('button', { name: `Discard "${TRUST}"` }).click();
    await f.getByRole('region', { name: 'Discarded' }).getByRole('listitem', { name: TRUST }).waitFor();
    await f.getByRole('button', { name: `Park "${SUPPORT}"` }).click();
    const fParkForm = f.getByRole('form', { name: `Park "${SUPPORT}"` });
    await fParkForm.getByRole('button', { name: 'Park' }).click();
    await fParkForm.getByText('Give a reason').waitFor();
    await fParkForm.getByLabel('Reason').fill('A service goal, not a product one');
    await fParkForm.getByRole('button', { name: 'Park' }).click();
    for (const page of [f, a, b, v]) await page.getByRole('status').filter({ hasText: '0 still unsorted' }).waitFor();

    // A discarded card comes back, then goes to Discarded again by pointer drag.
    await b.getByRole('button', { name: `Back to unsorted: "${TRUST}"` }).click();
    await b.getByRole('status').filter({ hasText: '1 still unsorted' }).waitFor();
    const handle = await b.getByRole('button', { name: `Move "${TRUST}"` }).boundingBox();
    const target = await b.getByRole('region', { name: 'Discarded' }).boundingBox();
    if (!handle || !target) throw new Error('no layout for the pointer drag');
    await b.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await b.mouse.down();
    await b.mouse.move(handle.x + handle.width / 2 + 12, handle.y + handle.height / 2, { steps: 3 });
    await b.mouse.move(target.x + target.width / 2, target.y + 40, { steps: 12 });
    await b.mouse.up();
    await f.getByRole('region', { name: 'Discarded' }).getByRole('listitem', { name: TRUST }).waitFor();
    await f.getByRole('status').filter({ hasText: '0 still unsorted' }).waitFor();

    // Something that was never a candidate, and an edit of a parked item.
    await a.getByRole('button', { name: 'Add to parking lot' }).click();
    const addForm = a.getByRole('form', { name: 'Add to parking lot' });
    await addForm.getByLabel('What').fill('Rebuild the mobile app');
    await addForm.getByLabel('Reason').fill('After checkout is fixed');
    await addForm.getByRole('button', { name: 'Add to parking lot' }).click();
    await f.getByRole('region', { name: 'Parked' }).getByRole('listitem', { name: 'Rebuild the mobile app' }).getByText('Added to the parking lot').waitFor();
    await f.getByRole('button', { name: `Edit "${SUPPORT}"` }).click();
    const editForm = f.getByRole('form', { name: `Edit "${SUPPORT}"` });
    await editForm.getByLabel('Owner (optional)').fill('Kim');
    await editForm.getByRole('button', { name: 'Save' }).click();
    await a.getByRole('listitem', { name: SUPPORT }).getByText('Kim').waitFor();
    expect(await v.locator('.park-step').getByRole('button').count()).toBe(0);

    // Ana looks back at the Pick step: read-only, the decision and the tally, no controls.
    await a.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: 'Pick THE objective' }).click();
    await a.getByRole('region', { name: 'THE objective' }).getByRole('heading', { name: REWORDED }).waitFor();
    await a.getByRole('list', { name: 'Vote result' }).waitFor();
    expect(await a.locator('.pick-step').getByRole('button').count()).toBe(0);
    await a.getByRole('button', { name: 'Back to the group' }).click();
    await a.getByRole('region', { name: 'Parked' }).waitFor();

    await f.screenshot({ path: path.join(shots, 'park-projector.png') });
    await a.screenshot({ path: path.join(shots, 'park-phone.png'), fullPage: true });
    await v.screenshot({ path: path.join(shots, 'park-viewer.png') });

    expect(problems).toEqual([]);
    for (const device of [facilitator, ana, bo, viewer]) await device.context.close();
  });
});

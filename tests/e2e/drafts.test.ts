import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { artifactDir, launchBrowser, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { createRoom, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function join(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join the board' }).click();
  await connected(page);
}

async function connected(page: Page): Promise<void> {
  await expect.poll(() => page.locator('[data-status]').first().getAttribute('data-status')).toBe('connected');
}

/** The facilitator moves the group, confirming past unmet gates. */
async function moveTo(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: new RegExp(title) }).click();
  const moveAnyway = page.getByRole('button', { name: 'Move anyway' });
  const arrived = page.locator('#step-heading', { hasText: title });
  await moveAnyway.or(arrived).first().waitFor();
  if (await moveAnyway.isVisible()) await moveAnyway.click();
  await arrived.waitFor();
}

async function addCard(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(text);
  await page.keyboard.press('Enter');
}

const card = (page: Page, region: string, text: string) => page.getByRole('region', { name: region, exact: true }).getByRole('listitem', { name: text, exact: true });

describe('silent writing, reveal, grouping, key results and initiatives', () => {
  it('keeps drafts private until the reveal, then publishes them once, for everyone', async () => {
    const shots = artifactDir('drafts');
    const room = await createRoom(server.httpUrl, 'Drafts check');
    const facilitator = await newDevice(browser, PROJECTOR);
    const f = facilitator.page;
    await join(f, room.facilitatorUrl, 'Fay');
    const ana = await newDevice(browser, { width: 1280, height: 800 });
    const a = ana.page;
    await join(a, room.participantUrl, 'Ana');
    const ben = await newDevice(browser, PHONE);
    let b = ben.page;
    await join(b, room.participantUrl, 'Ben');
    const viewer = await newDevice(browser, PROJECTOR);
    const v = viewer.page;
    await v.goto(room.viewerUrl);
    await connected(v);

    // A stock client watching the shared document: it must never see a draft's text before the
    // reveal, and each person's drafts must arrive in one piece.
    const watcher = openBoardClient(server.wsUrl, room.roomId);
    await watcher.synced;
    const anaCardsSeen: number[] = [];
    watcher.board.subscribe(() => anaCardsSeen.push(watcher.board.candidates.list().filter((c) => c.authorName === 'Ana').length));

    // Step 2. Everyone writes in silence.
    await moveTo(f, 'Draft objectives');
    for (const page of [a, b, v]) await page.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();
    await addCard(a, 'Candidate objective', 'Make checkout effortless');
    await addCard(a, 'Candidate objective', 'Delight first-time buyers');
    await addCard(b, 'Candidate objective', 'Checkout feels effortless');
    await card(a, 'Your private drafts', 'Delight first-time buyers').waitFor();

    await b.getByText('Ana is writing (2)').waitFor();
    await a.getByText('Ben is writing (1)').waitFor();
    await v.getByText('Ana is writing (2)').waitFor();
    await f.getByText('3 written · 2 people writing').first().waitFor();
    for (const [page, secret] of [[b, 'Make checkout effortless'], [a, 'Checkout feels effortless'], [f, 'Delight first-time buyers'], [v, 'Make checkout effortless']] as const) {
      expect(await page.getByText(secret).count()).toBe(0);
    }
    expect(watcher.board.candidates.list()).toEqual([]);
    expect(JSON.stringify(watcher.board.ydoc.toJSON())).not.toContain('effortless');

    // A reload keeps the drafts (they live on the device) and they stay private.
    await a.reload();
    await connected(a);
    await card(a, 'Your private drafts', 'Make checkout effortless').waitFor();
    await b.getByText('Ana is writing (2)').waitFor();
    await f.screenshot({ path: path.join(shots, 'draft-private-facilitator.png') });
    await a.screenshot({ path: path.join(shots, 'draft-private-participant.png') });
    await v.screenshot({ path: path.join(shots, 'draft-private-projector.png') });
    await b.screenshot({ path: path.join(shots, 'draft-private-phone.png'), fullPage: true });

    // The reveal: every draft reaches every screen, authors shown while the board is not anonymous.
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    const texts = ['Make checkout effortless', 'Delight first-time buyers', 'Checkout feels effortless'];
    for (const page of [f, a, b, v]) {
      for (const text of texts) await card(page, 'Candidate objectives', text).waitFor();
    }
    await eventually(() => watcher.board.candidates.list().length === 3, 'three candidates in the document');
    expect(anaCardsSeen.every((n) => n === 0 || n === 2)).toBe(true);
    expect(await a.getByRole('region', { name: 'Your private drafts' }).count()).toBe(0);
    await card(b, 'Candidate objectives', 'Make checkout effortless').getByText('Ana').waitFor();
    // Exactly once: reloading after the reveal publishes nothing again.
    await a.reload();
    await connected(a);
    await card(a, 'Candidate objectives', 'Make checkout effortless').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(watcher.board.candidates.list()).toHaveLength(3);

    // Anonymity on: authors leave the shared document, not just the screen.
    await f.getByRole('checkbox', { name: 'Anonymous cards' }).check();
    await expect.poll(() => card(b, 'Candidate objectives', 'Make checkout effortless').getByText('Ana').count()).toBe(0);
    await eventually(() => watcher.board.candidates.list().every((c) => c.authorId === undefined && c.authorName === undefined), 'no authors in the document');

    // Ana groups her card with Ben's similar one, by keyboard drag.
    await a.getByRole('button', { name: 'Move "Make checkout effortless"' }).focus();
    await a.keyboard.press('Space');
    const live = a.locator('[id^="DndLiveRegion"]');
    await expect.poll(() => live.textContent()).toContain('Picked up');
    let over = false;
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
      await a.keyboard.press(key);
      await a.waitForTimeout(150);
      if ((await live.textContent())?.includes('is over "Checkout feels effortless"')) {
        over = true;
        break;
      }
    }
    expect(over).toBe(true);
    await a.keyboard.press('Space');
    for (const page of [a, b, v]) {
      const group = page.getByRole('group', { name: 'Group of 2' });
      await group.getByRole('listitem', { name: 'Make checkout effortless', exact: true }).waitFor();
      await group.getByRole('listitem', { name: 'Checkout feels effortless', exact: true }).waitFor();
    }
    expect(await v.getByRole('button').count()).toBe(0);
    await f.screenshot({ path: path.join(shots, 'draft-revealed-facilitator.png') });
    await v.screenshot({ path: path.join(shots, 'draft-projector.png') });
    await b.screenshot({ path: path.join(shots, 'draft-revealed-phone.png'), fullPage: true });

    // THE objective, confirmed through the control document with the facilitator's key.
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await control.synced;
    const chosen = watcher.board.candidates.list().find((c) => c.text === 'Make checkout effortless');
    control.control.setObjective({
      candidateId: chosen!.id,
      title: 'Checkout feels effortless for first-time buyers',
      commitment: 'committed',
      contextIds: [],
      tally: [],
      decidedAt: new Date().toISOString(),
    });

    // Step 5. Key results in silence, revealed; an action becomes an initiative.
    await moveTo(f, 'Brainstorm key results');
    for (const page of [f, a, b, v]) {
      await page.getByRole('region', { name: 'THE objective' }).getByText('Checkout feels effortless for first-time buyers').waitFor();
    }
    await addCard(a, 'Key result', 'Build a cart reminder tool');
    await addCard(b, 'Key result', 'Checkout conversion from 58% to 65% by 30 Sep');
    await b.getByText('Ana is writing (1)').waitFor();
    await a.getByText('Ben is writing (1)').waitFor();
    expect(await b.getByText('Build a cart reminder tool').count()).toBe(0);
    expect(watcher.board.keyResults.list()).toEqual([]);
    await b.screenshot({ path: path.join(shots, 'brainstorm-private-phone.png'), fullPage: true });

    // Ben's device is away when the facilitator reveals; it publishes his draft when it is back.
    await b.close();
    await expect.poll(() => a.getByText('Ben is writing (1)').count()).toBe(0);
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    const krs = ['Build a cart reminder tool', 'Checkout conversion from 58% to 65% by 30 Sep'];
    await card(v, 'Key results', krs[0]!).waitFor();
    expect(watcher.board.keyResults.list().map((kr) => kr.title)).toEqual([krs[0]]);
    b = await ben.context.newPage();
    await b.goto(room.participantUrl);
    await connected(b);
    for (const page of [f, a, b, v]) {
      for (const text of krs) await card(page, 'Key results', text).waitFor();
    }
    await eventually(() => watcher.board.keyResults.list().length === 2, 'two key results in the document');
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.board.keyResults.list()).toHaveLength(2);
    expect(watcher.board.keyResults.list().every((kr) => kr.authorId === undefined)).toBe(true);

    // The review flags the action; the outcome is not flagged but still has the move in its menu.
    const cartKr = card(a, 'Key results', 'Build a cart reminder tool');
    await cartKr.getByRole('note').getByText(/reads like a task/).waitFor();
    expect(await card(a, 'Key results', krs[1]!).getByRole('note').count()).toBe(0);
    await a.getByRole('button', { name: `More actions for "${krs[1]}"` }).click();
    await a.getByRole('menuitem', { name: 'Move to initiatives' }).waitFor();
    await a.keyboard.press('Escape');
    await f.screenshot({ path: path.join(shots, 'brainstorm-revealed-facilitator.png') });

    await a.getByRole('button', { name: 'Move "Build a cart reminder tool" to initiatives' }).click();
    for (const page of [f, a, b, v]) {
      await card(page, 'Initiatives', 'Build a cart reminder tool').waitFor();
      await expect.poll(() => card(page, 'Key results', 'Build a cart reminder tool').count()).toBe(0);
    }

    // Ben links the initiative to the key result it should move.
    await card(b, 'Initiatives', 'Build a cart reminder tool').getByRole('checkbox', { name: krs[1] }).check();
    const conversion = watcher.board.keyResults.list()[0]!;
    await eventually(() => watcher.board.initiatives.list()[0]?.keyResultIds.join() === conversion.id, 'the initiative linked to the key result');
    await card(v, 'Initiatives', 'Build a cart reminder tool').getByText(krs[1]!).waitFor();
    expect(await v.getByRole('button').count()).toBe(0);

    await f.screenshot({ path: path.join(shots, 'brainstorm-facilitator.png') });
    await v.screenshot({ path: path.join(shots, 'brainstorm-projector.png') });
    await b.screenshot({ path: path.join(shots, 'brainstorm-phone.png'), fullPage: true });

    control.destroy();
    watcher.destroy();
    for (const device of [facilitator, ana, ben, viewer]) await device.context.close();
  });
});

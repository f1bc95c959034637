import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { afterFrames, artifactDir, dragAnnouncements, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { eventually, openBoardClient, openControlClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { structWriters } from '../helpers/structWriters.ts';
import { SERVER_CLIENT_ID } from '../../server/src/relay/serverClientId.ts';
import { addCard, cardIn, joinBoard as join, moveGroupTo, useBrowserSuite, waitConnected as connected } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

describe('silent writing, reveal, grouping, key results and initiatives', () => {
  it('keeps drafts private until the reveal, then publishes them once, for everyone', async () => {
    const shots = artifactDir('drafts');
    const { server, browser } = suite;
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
    await moveGroupTo(f, 'Draft objectives');
    for (const page of [a, b, v]) await page.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();
    await addCard(a, 'Candidate objective', 'Make checkout effortless');
    await addCard(a, 'Candidate objective', 'Delight first-time buyers');
    await addCard(b, 'Candidate objective', 'Checkout feels effortless');
    await cardIn(a, 'Your private drafts', 'Delight first-time buyers').waitFor();

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
    await cardIn(a, 'Your private drafts', 'Make checkout effortless').waitFor();
    await b.getByText('Ana is writing (2)').waitFor();
    await f.screenshot({ path: path.join(shots, 'draft-private-facilitator.png') });
    await a.screenshot({ path: path.join(shots, 'draft-private-participant.png') });
    await v.screenshot({ path: path.join(shots, 'draft-private-projector.png') });
    await b.screenshot({ path: path.join(shots, 'draft-private-phone.png'), fullPage: true });

    // The reveal: every draft reaches every screen, authors shown while the board is not anonymous.
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    const texts = ['Make checkout effortless', 'Delight first-time buyers', 'Checkout feels effortless'];
    for (const page of [f, a, b]) {
      for (const text of texts) await cardIn(page, 'Candidate objectives', text).waitFor();
    }
    // The projector shows them as notes on its canvas.
    for (const text of texts) await v.getByRole('region', { name: 'Candidate objectives canvas' }).getByRole('listitem', { name: text }).waitFor();
    await eventually(() => watcher.board.candidates.list().length === 3, 'three candidates in the document');
    expect(anaCardsSeen.every((n) => n === 0 || n === 2)).toBe(true);
    expect(await a.getByRole('region', { name: 'Your private drafts' }).count()).toBe(0);
    await cardIn(b, 'Candidate objectives', 'Make checkout effortless').getByText('Ana').waitFor();
    // Exactly once: reloading after the reveal publishes nothing again.
    await a.reload();
    await connected(a);
    await cardIn(a, 'Candidate objectives', 'Make checkout effortless').waitFor();
    await new Promise((r) => setTimeout(r, 500));
    expect(watcher.board.candidates.list()).toHaveLength(3);

    // Anonymity on: authors leave the shared document, not just the screen.
    await f.getByRole('checkbox', { name: 'Anonymous cards' }).check();
    // The facilitator is told plainly what anonymity covers, and what it does not.
    await f.getByText('What this covers').click();
    await f.getByText(/^Not hidden: how many drafts each person is writing/).waitFor();
    await f.screenshot({ path: path.join(shots, 'anonymity-note-facilitator.png') });
    await expect.poll(() => cardIn(b, 'Candidate objectives', 'Make checkout effortless').getByText('Ana').count()).toBe(0);
    await eventually(() => watcher.board.candidates.list().every((c) => c.authorId === undefined && c.authorName === undefined), 'no authors in the document');

    // Ana groups her card with Ben's similar one, by keyboard drag.
    await a.getByRole('button', { name: 'Move "Make checkout effortless"' }).focus();
    await a.keyboard.press('Space');
    const live = dragAnnouncements(a);
    await expect.poll(() => live.textContent()).toContain('Picked up');
    let over = false;
    // The cards' order after a reveal from two devices has none: scan right, then left. Each arrow's
    // target and its announcement arrive through the page's next frames, which are waited for.
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
      await a.keyboard.press(key);
      await afterFrames(a);
      if ((await live.textContent())?.includes('is over "Checkout feels effortless"')) {
        over = true;
        break;
      }
    }
    expect(over).toBe(true);
    await a.keyboard.press('Space');
    for (const page of [a, b]) {
      const group = page.getByRole('group', { name: 'Group of 2' });
      await group.getByRole('listitem', { name: 'Make checkout effortless', exact: true }).waitFor();
      await group.getByRole('listitem', { name: 'Checkout feels effortless', exact: true }).waitFor();
    }
    // The projector's canvas draws the group as an unnamed cluster around both notes.
    const projected = v.getByRole('region', { name: 'Cluster: Group of 2' });
    await projected.getByRole('listitem', { name: 'Make checkout effortless', exact: true }).waitFor();
    await projected.getByRole('listitem', { name: 'Checkout feels effortless', exact: true }).waitFor();
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
    await moveGroupTo(f, 'Brainstorm key results');
    for (const page of [f, a, b]) {
      await page.getByRole('region', { name: 'THE objective' }).getByText('Checkout feels effortless for first-time buyers').waitFor();
    }
    await v.getByText('Checkout feels effortless for first-time buyers').waitFor();
    await addCard(a, 'Key result', 'Build a cart reminder tool');
    await addCard(b, 'Key result', 'Checkout conversion from 58% to 65% by 30 Sep');
    await b.getByText('Ana is writing (1)').waitFor();
    await a.getByText('Ben is writing (1)').waitFor();
    // The facilitator's screen is the one that names who left with drafts: it must have seen Ben's.
    await f.getByText('Ben is writing (1)').waitFor();
    expect(await b.getByText('Build a cart reminder tool').count()).toBe(0);
    expect(watcher.board.keyResults.list()).toEqual([]);
    await b.screenshot({ path: path.join(shots, 'brainstorm-private-phone.png'), fullPage: true });

    // The board is anonymous: drafts went to the server as they were written, not to the board.
    expect(JSON.stringify(watcher.board.ydoc.toJSON())).not.toContain('cart reminder');
    // Ben's device is away when the facilitator reveals; the server has his draft already.
    await b.close();
    // Ben gone from the facilitator's own presence (Ana's screen may be told first).
    await expect.poll(() => f.getByText('Ben is writing (1)').count()).toBe(0);
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    // Ben left holding a draft: the facilitator is told so, and reveals anyway.
    const offline = f.getByRole('alertdialog', { name: 'Someone is offline with drafts' });
    await offline.getByText('Ben (1 draft) is offline').waitFor();
    await offline.getByText('Drafts their devices handed to the server appear now').waitFor();
    await offline.getByRole('button', { name: 'Reveal anyway' }).click();
    const krs = ['Build a cart reminder tool', 'Checkout conversion from 58% to 65% by 30 Sep'];
    const projectedKrs = v.getByRole('region', { name: 'Key results canvas' });
    for (const text of krs) await projectedKrs.getByRole('listitem', { name: text, exact: true }).waitFor();
    // Published by the server, at once: unsigned, every struct under its client id, none under a presence id.
    // The watcher is a device of its own: the projector having them says nothing of when it does.
    await eventually(() => watcher.board.keyResults.list().length === 2, 'the revealed key results reach the watcher');
    expect(watcher.board.keyResults.list().map((kr) => kr.title).sort()).toEqual([...krs].sort());
    expect([...structWriters(watcher.board.ydoc, 'keyResults')]).toEqual([SERVER_CLIENT_ID]);
    const presenceIds = [...watcher.provider.awareness.getStates().keys()];
    const boardWriters = [...Y.decodeStateVector(Y.encodeStateVector(watcher.board.ydoc)).keys()];
    expect(presenceIds.length).toBeGreaterThan(1);
    expect(presenceIds.filter((id) => boardWriters.includes(id))).toEqual([]);
    for (const state of watcher.provider.awareness.getStates().values()) expect(state).not.toHaveProperty('writer');
    b = await ben.context.newPage();
    await b.goto(room.participantUrl);
    await connected(b);
    for (const page of [f, a, b]) {
      for (const text of krs) await cardIn(page, 'Key results', text).waitFor();
    }
    for (const text of krs) await projectedKrs.getByRole('listitem', { name: text, exact: true }).waitFor();
    await eventually(() => watcher.board.keyResults.list().length === 2, 'two key results in the document');
    await new Promise((r) => setTimeout(r, 300));
    expect(watcher.board.keyResults.list()).toHaveLength(2);
    expect(watcher.board.keyResults.list().every((kr) => kr.authorId === undefined)).toBe(true);

    // The review flags the action; the outcome is not flagged but still has the move in its menu.
    const cartKr = cardIn(a, 'Key results', 'Build a cart reminder tool');
    await cartKr.getByRole('note').getByText(/reads like a task/).waitFor();
    expect(await cardIn(a, 'Key results', krs[1]!).getByRole('note').count()).toBe(0);
    await a.getByRole('button', { name: `More actions for "${krs[1]}"` }).click();
    await a.getByRole('menuitem', { name: 'Move to initiatives' }).waitFor();
    await a.keyboard.press('Escape');
    await f.screenshot({ path: path.join(shots, 'brainstorm-revealed-facilitator.png') });

    await a.getByRole('button', { name: 'Move "Build a cart reminder tool" to initiatives' }).click();
    for (const page of [f, a, b]) {
      await cardIn(page, 'Initiatives', 'Build a cart reminder tool').waitFor();
      await expect.poll(() => cardIn(page, 'Key results', 'Build a cart reminder tool').count()).toBe(0);
    }
    await projectedKrs.getByRole('listitem', { name: 'Build a cart reminder tool', exact: true }).getByText('Initiative').waitFor();

    // Ben links the initiative to the key result it should move.
    await cardIn(b, 'Initiatives', 'Build a cart reminder tool').getByRole('checkbox', { name: krs[1] }).check();
    // By its title: the watcher may not have the cart reminder's move to initiatives yet.
    const conversion = watcher.board.keyResults.list().find((kr) => kr.title === krs[1])!;
    await eventually(() => watcher.board.initiatives.list()[0]?.keyResultIds.join() === conversion.id, 'the initiative linked to the key result');
    await projectedKrs.getByRole('listitem', { name: 'Build a cart reminder tool', exact: true }).getByText('Initiative').waitFor();
    expect(await v.getByRole('button').count()).toBe(0);

    await f.screenshot({ path: path.join(shots, 'brainstorm-facilitator.png') });
    await v.screenshot({ path: path.join(shots, 'brainstorm-projector.png') });
    await b.screenshot({ path: path.join(shots, 'brainstorm-phone.png'), fullPage: true });

    control.destroy();
    watcher.destroy();
    for (const device of [facilitator, ana, ben, viewer]) await device.context.close();
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { openBoardClient, relayHandled } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard as join, useBrowserSuite, waitConnected as connected } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

const CLUSTER = 'Effortless checkout';
// Five notes: more than the projector and the vote result name before "+2 more".
const NOTES = ['Fewer steps to pay', 'Pay on the phone in one tap', 'Remember my address', 'No account needed to pay', 'Saved cards on every device'];
const SHOWN = [...NOTES.slice(0, 3), '+2 more'];
const SINGLE = 'Launch a loyalty programme';

/** Clicks, or (keyboard only) focuses the control and presses Enter, as a keyboard user tabs to it. */
function driver(keyboard: boolean) {
  return {
    press: async (page: Page, target: Locator) => {
      if (!keyboard) return target.click();
      await target.focus();
      await page.keyboard.press('Enter');
    },
    type: async (page: Page, target: Locator, text: string) => {
      if (!keyboard) return target.fill(`${await target.inputValue()}${text}`);
      await target.focus();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(text);
    },
  };
}

async function moveTo(page: Page, title: string, keyboard: boolean): Promise<void> {
  const { press } = driver(keyboard);
  await press(page, page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name: new RegExp(title) }));
  const moveAnyway = page.getByRole('button', { name: 'Move anyway' });
  const arrived = page.locator('#step-heading', { hasText: title });
  await moveAnyway.or(arrived).first().waitFor();
  if (await moveAnyway.isVisible()) await press(page, moveAnyway);
  await arrived.waitFor();
}

describe('a cluster voted on as one candidate', () => {
  it.each([
    ['by mouse', false],
    ['by keyboard alone', true],
  ])('two people and a projector vote on a cluster, the facilitator confirms it, and every screen and the export keep its notes (%s)', async (name, keyboard) => {
    const shots = artifactDir('cluster-vote');
    const { server, browser } = suite;
    const { press, type } = driver(keyboard);
    const room = await createRoom(server.httpUrl, `Cluster vote ${name}`);
    const seeder = openBoardClient(server.wsUrl, room.roomId);
    await seeder.synced;
    const b = seeder.board;
    const cluster = b.addCluster('draft', CLUSTER, { x: 40, y: 40 });
    for (const [i, text] of NOTES.entries()) b.placeNote('candidates', b.addCandidate({ text }), { clusterId: cluster, pos: { x: 16, y: 48 + i * 150 } });
    b.addCandidate({ text: SINGLE });

    const fay = (await newDevice(browser, PROJECTOR)).page;
    const ana = (await newDevice(browser, PHONE)).page;
    const projector = (await newDevice(browser, PROJECTOR)).page;
    await join(fay, room.facilitatorUrl, 'Fay');
    await join(ana, room.participantUrl, 'Ana');
    await projector.goto(room.viewerUrl);
    await connected(projector);
    // Every connection holds a seat and counts as a voter: the seeding stock client leaves first,
    // once the relay has its cards.
    await relayHandled(seeder.provider);
    seeder.destroy();

    await moveTo(fay, 'Pick THE objective', keyboard);
    // The cluster is one candidate, with its name and its notes, on both people's screens.
    for (const page of [fay, ana]) {
      const card = page.getByRole('listitem', { name: `Cluster: ${CLUSTER}` });
      await card.waitFor();
      await expect.poll(() => card.getByRole('list', { name: `Notes in ${CLUSTER}` }).getByRole('listitem').allTextContents()).toEqual(NOTES);
    }
    // The projector shows it as one note headed by its name.
    await projector.getByRole('listitem', { name: CLUSTER }).getByText(NOTES[0]!).waitFor();

    const controls = fay.getByRole('region', { name: 'Voting controls' });
    await press(fay, controls.getByRole('button', { name: 'Open voting' }));
    const addDot = (page: Page, text: string) => page.getByRole('button', { name: `Add a dot to "${text}"` });
    // Each places two dots on the cluster (the most one candidate may take) and one on the other card.
    for (const page of [ana, fay]) {
      for (const [target, left] of [[CLUSTER, 2], [CLUSTER, 1], [SINGLE, 0]] as const) {
        await press(page, addDot(page, target));
        await page.getByText(`Dots left: ${left} of 3`).waitFor();
      }
    }
    await controls.getByText('2 of 2 have voted').waitFor();
    await ana.screenshot({ path: path.join(shots, `pick-${keyboard ? 'keyboard' : 'mouse'}-phone.png`) });
    await press(fay, controls.getByRole('button', { name: 'Close voting' }));

    for (const page of [fay, ana]) {
      const result = page.getByRole('list', { name: 'Vote result' }).getByRole('listitem', { name: CLUSTER });
      await result.getByText('4 dots').waitFor();
      // The result names the cluster's first notes, and how many more.
      expect(await result.getByRole('list', { name: 'Notes in this cluster' }).getByRole('listitem').allTextContents()).toEqual(SHOWN);
    }
    await projector.getByRole('listitem', { name: CLUSTER }).getByText(/4 dots/).waitFor();

    // The form starts on the top of the vote, the cluster, worded as its name; the facilitator rewords it.
    const confirm = fay.getByRole('form', { name: 'Confirm THE objective' });
    expect(await confirm.getByLabel('Candidate').inputValue()).toBe(cluster);
    expect(await confirm.getByRole('list', { name: 'Notes kept with the decision' }).getByRole('listitem').allTextContents()).toEqual(NOTES);
    const wording = confirm.getByLabel('Final wording');
    expect(await wording.inputValue()).toBe(CLUSTER);
    await type(fay, wording, ' for returning customers');
    await type(fay, confirm.getByLabel('Rationale'), 'Most dots, and both notes say the same thing.');
    await press(fay, confirm.getByRole('button', { name: 'Confirm THE objective' }));

    const title = `${CLUSTER} for returning customers`;
    for (const page of [fay, ana]) {
      const banner = page.getByRole('region', { name: 'THE objective' });
      await banner.getByText(title).waitFor();
      expect(await banner.getByRole('list', { name: 'From notes' }).getByRole('listitem').allTextContents()).toEqual(NOTES);
    }
    // The projector lists them under THE objective, on one line: the first three and how many more.
    const projectorNotes = projector.getByRole('list', { name: 'From notes' });
    await projectorNotes.waitFor();
    expect(await projectorNotes.getByRole('listitem').allTextContents()).toEqual(SHOWN);
    await fay.screenshot({ path: path.join(shots, `pick-${keyboard ? 'keyboard' : 'mouse'}-facilitator.png`) });
    await projector.screenshot({ path: path.join(shots, `pick-${keyboard ? 'keyboard' : 'mouse'}-projector.png`) });

    // Park: the cluster's notes are THE objective, in no lane; the banner keeps them.
    await moveTo(fay, 'Park', keyboard);
    for (const page of [fay, ana]) await page.getByRole('region', { name: 'THE objective' }).getByRole('list', { name: 'From notes' }).getByText(NOTES[1]!).waitFor();
    expect(await ana.getByRole('listitem', { name: NOTES[0], exact: true }).count()).toBe(0);

    // Summary: the decision record lists the notes, on screen and in the export. The step's heading
    // comes before its body (a lazy chunk), and the projector follows in its own time.
    await moveTo(fay, 'Summary', keyboard);
    await expect.poll(() => fay.getByRole('list', { name: 'From notes' }).getByRole('listitem').allTextContents()).toEqual(NOTES);
    await projector.getByText(`From a cluster of ${NOTES.length}:`).waitFor();
    await expect.poll(() => projector.getByRole('list', { name: 'From notes' }).getByRole('listitem').allTextContents()).toEqual(SHOWN);
    const res = await fetch(`${server.httpUrl}/api/rooms/${room.roomId}/export`, { headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
    const exported = (await res.json()) as {
      objective: { candidateId: string; title: string; decision: { fromNotes: { text: string }[]; tally: { candidateId: string; votes: number }[] } };
      clusters: { id: string; name: string; noteIds: string[] }[];
    };
    expect(exported.objective).toMatchObject({ candidateId: cluster, title });
    expect(exported.objective.decision.fromNotes.map((n) => n.text)).toEqual(NOTES);
    expect(exported.objective.decision.tally.find((t) => t.candidateId === cluster)?.votes).toBe(4);
    expect(exported.clusters.find((c) => c.id === cluster)).toMatchObject({ name: CLUSTER, noteIds: expect.any(Array) });
    expect(exported.clusters.find((c) => c.id === cluster)?.noteIds).toHaveLength(NOTES.length);
  });
});

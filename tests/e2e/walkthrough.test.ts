import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { okrExportSchema } from '@okr/shared/export';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { addCard, cardIn, joinBoard, moveGroupTo, panelLink, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { assertValidExport } from '../helpers/exportSchema.ts';

const suite = useBrowserSuite();

const OBJECTIVE_A = 'Returning customers check out without friction';
const OBJECTIVE_B = 'Delight first-time buyers';
const OBJECTIVE_C = 'Be the fastest checkout in Europe';
const KR1 = 'Checkout conversion rate from 58% to 65% by 30 Sep';
const KR2 = 'Cart abandonment from 70% to 60% by 30 Sep';
const ACTION = 'Build a cart reminder tool';

describe('the whole workshop in Chromium', () => {
  it('a facilitator, two participants and a projector walk through all six steps to the exported OKRs', async () => {
    const { server, browser } = suite;
    const shots = artifactDir('walkthrough');
    const shoot = async (name: string, pages: Record<string, Page>) => {
      for (const [who, page] of Object.entries(pages)) {
        await page.screenshot({ path: path.join(shots, `${name}-${who}.png`), fullPage: who === 'phone' });
      }
    };

    // The facilitator creates the board from the home page.
    const fay = await newDevice(browser, PROJECTOR);
    const f = fay.page;
    await f.goto(`${server.httpUrl}/`);
    await f.getByLabel('Workshop title').fill('Q3 OKRs – Checkout');
    await f.getByLabel('Your name').fill('Fay');
    await f.getByRole('button', { name: 'Create workshop' }).click();
    await waitConnected(f);
    const participantUrl = await f.getByRole('textbox', { name: 'Participant link', exact: true }).inputValue();
    // The key is no longer in the address bar: the link to keep is in the facilitator's link panel.
    const facilitatorKey = new URLSearchParams(new URL(await panelLink(f, 'Your facilitator link')).hash.slice(1)).get('key');
    await f.getByRole('button', { name: 'Projector', exact: true }).click();
    const viewerUrl = await f.getByRole('link', { name: 'Open projector view' }).getAttribute('href');
    await f.keyboard.press('Escape');
    expect(viewerUrl).toMatch(/\/v\/[A-Za-z0-9_-]{22,}$/);

    const ana = await newDevice(browser);
    const a = ana.page;
    await joinBoard(a, participantUrl, 'Ana');
    const ben = await newDevice(browser, PHONE);
    const b = ben.page;
    await joinBoard(b, participantUrl, 'Ben');
    const projector = await newDevice(browser, PROJECTOR);
    const v = projector.page;
    await v.goto(viewerUrl!);
    await waitConnected(v);
    const everyone = [f, a, b, v];
    // The board's three people; the projector (v) shows each step as its own pages, checked on its own.
    const people = [f, a, b];
    const projectorFollows = (title: string) => v.locator('#step-heading', { hasText: title }).waitFor();

    // 1. Context.
    await f.getByLabel('Kind').selectOption('company-objective');
    await addCard(f, 'Context', 'Grow repeat revenue 20% this year');
    await a.getByLabel('Kind').selectOption('product-strategy');
    await addCard(a, 'Context', 'Win on the second purchase, not the first');
    await b.getByLabel('Kind').selectOption('metric');
    await addCard(b, 'Context', 'Checkout conversion is 58%');
    for (const page of everyone) await page.getByRole('listitem', { name: 'Checkout conversion is 58%' }).waitFor();
    await projectorFollows('Context');
    await shoot('1-context', { facilitator: f, projector: v, phone: b });

    // 2. Draft objectives: silent writing, then the reveal.
    await moveGroupTo(f, 'Draft objectives');
    await projectorFollows('Draft objectives');
    await addCard(a, 'Candidate objective', OBJECTIVE_A);
    await addCard(a, 'Candidate objective', OBJECTIVE_C);
    await addCard(b, 'Candidate objective', OBJECTIVE_B);
    await v.getByText('Ana is writing (2)').waitFor();
    expect(await b.getByText(OBJECTIVE_A).count()).toBe(0);
    await shoot('2-draft-private', { facilitator: f, projector: v, phone: b });
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    for (const text of [OBJECTIVE_A, OBJECTIVE_B, OBJECTIVE_C]) await v.getByRole('region', { name: 'Candidate objectives canvas' }).getByRole('listitem', { name: text }).waitFor();
    for (const page of people) {
      for (const text of [OBJECTIVE_A, OBJECTIVE_B, OBJECTIVE_C]) await cardIn(page, 'Candidate objectives', text).waitFor();
    }
    await shoot('2-draft-revealed', { facilitator: f, projector: v, phone: b });

    // 3. Pick THE objective: dot voting, then the decision.
    await moveGroupTo(f, 'Pick THE objective');
    await projectorFollows('Pick THE objective');
    const controls = f.getByRole('region', { name: 'Voting controls' });
    await controls.getByRole('button', { name: 'Open voting' }).click();
    await a.getByRole('button', { name: `Add a dot to "${OBJECTIVE_A}"` }).click();
    await a.getByRole('button', { name: `Add a dot to "${OBJECTIVE_A}"` }).click();
    await a.getByRole('button', { name: `Add a dot to "${OBJECTIVE_B}"` }).click();
    await b.getByRole('button', { name: `Add a dot to "${OBJECTIVE_A}"` }).click();
    await b.getByRole('button', { name: `Add a dot to "${OBJECTIVE_C}"` }).click();
    await b.getByRole('button', { name: `Add a dot to "${OBJECTIVE_B}"` }).click();
    await controls.getByText('2 of 2 have voted').waitFor();
    await v.getByText('2 of 2 have voted').waitFor();
    await shoot('3-pick-voting', { facilitator: f, projector: v, phone: b });
    await controls.getByRole('button', { name: 'Close voting' }).click();
    for (const page of people) await page.getByRole('list', { name: 'Vote result' }).getByRole('listitem', { name: OBJECTIVE_A }).getByText('3 dots').waitFor();
    await v.getByRole('list', { name: 'Candidate objectives' }).getByRole('listitem', { name: OBJECTIVE_A }).getByText('3 dots').waitFor();
    const confirm = f.getByRole('form', { name: 'Confirm THE objective' });
    await confirm.getByLabel('Rationale').fill('Repeat buyers are most of our revenue, and the room agreed.');
    await confirm.getByRole('button', { name: 'Confirm THE objective' }).click();
    for (const page of people) await page.getByRole('region', { name: 'THE objective' }).getByRole('heading', { name: OBJECTIVE_A }).waitFor();
    await v.locator('.projector-objective', { hasText: OBJECTIVE_A }).waitFor();
    await shoot('3-pick-decided', { facilitator: f, projector: v, phone: b });

    // 4. Park: every other candidate gets a reason (or is discarded).
    await moveGroupTo(f, 'Park');
    await projectorFollows('Park');
    await b.getByRole('button', { name: `Park "${OBJECTIVE_B}"` }).click();
    const parkB = b.getByRole('form', { name: `Park "${OBJECTIVE_B}"` });
    await parkB.getByLabel('Reason').fill('First-time buyers matter, but repeat revenue comes first');
    await parkB.getByRole('button', { name: 'Park' }).click();
    await a.getByRole('button', { name: `Park "${OBJECTIVE_C}"` }).click();
    const parkC = a.getByRole('form', { name: `Park "${OBJECTIVE_C}"` });
    await parkC.getByLabel('Reason').fill('Speed work waits for the new payment provider');
    await parkC.getByLabel('Owner (optional)').fill('Ana');
    await parkC.getByRole('button', { name: 'Park' }).click();
    for (const page of everyone) await page.getByRole('status').filter({ hasText: '0 still unsorted' }).waitFor();
    await shoot('4-park', { facilitator: f, projector: v, phone: b });

    // 5. Brainstorm key results: silent, revealed; an action becomes an initiative.
    await moveGroupTo(f, 'Brainstorm key results');
    await projectorFollows('Brainstorm key results');
    await addCard(a, 'Key result', KR1);
    await addCard(a, 'Key result', ACTION);
    await addCard(b, 'Key result', KR2);
    await v.getByText('Ana is writing (2)').waitFor();
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    for (const page of people) for (const text of [KR1, KR2, ACTION]) await cardIn(page, 'Key results', text).waitFor();
    await a.getByRole('button', { name: `Move "${ACTION}" to initiatives` }).click();
    for (const page of people) await cardIn(page, 'Initiatives', ACTION).waitFor();
    // The projector shows them as one page of notes, the action labelled as an initiative.
    for (const text of [KR1, KR2]) await v.getByRole('region', { name: 'Key results canvas' }).getByRole('listitem', { name: text }).waitFor();
    await v.getByRole('listitem', { name: ACTION }).getByText('Initiative').waitFor();
    await cardIn(b, 'Initiatives', ACTION).getByRole('checkbox', { name: KR2 }).check();
    await expect.poll(() => cardIn(f, 'Initiatives', ACTION).getByRole('checkbox', { name: KR2 }).isChecked()).toBe(true);
    await shoot('5-brainstorm', { facilitator: f, projector: v, phone: b });

    // 6. SMART refine: fields from the titles, owners, blind confidence revealed and kept.
    await moveGroupTo(f, 'SMART refine');
    await projectorFollows('SMART refine');
    await f.getByLabel('Cycle', { exact: true }).fill('Q3 2026');
    await f.getByLabel('Cycle', { exact: true }).press('Enter');
    await f.getByLabel('Cycle start').fill('2026-07-01');
    await f.getByLabel('Cycle end').fill('2026-09-30');
    await f.getByLabel('Cycle end').press('Tab');
    await f.getByRole('checkbox', { name: /Grow repeat revenue 20% this year/ }).check();
    for (const [page, title, owner, email] of [
      [a, KR1, 'Ana', 'ana@example.com'],
      [b, KR2, 'Ben', 'ben@example.com'],
    ] as const) {
      const card = page.getByRole('listitem', { name: title });
      await card.getByRole('button', { name: 'Use all of these' }).click();
      await card.getByLabel('Owner', { exact: true }).fill(owner);
      await card.getByLabel('Owner', { exact: true }).press('Enter');
      await card.getByLabel('Owner email', { exact: true }).fill(email);
      await card.getByLabel('Owner email', { exact: true }).press('Enter');
    }
    for (const title of [KR1, KR2]) {
      await a.getByRole('listitem', { name: title }).getByRole('group', { name: /Your confidence/ }).getByRole('button', { name: /^3 of 5/ }).click();
      await b.getByRole('listitem', { name: title }).getByRole('group', { name: /Your confidence/ }).getByRole('button', { name: /^4 of 5/ }).click();
    }
    await f.getByRole('listitem', { name: KR1 }).getByText('2 voted').waitFor();
    await f.getByRole('listitem', { name: KR2 }).getByText('2 voted').waitFor();
    await f.getByRole('button', { name: 'Reveal all confidence votes' }).click();
    for (const title of [KR1, KR2]) {
      await f.getByRole('listitem', { name: title }).getByRole('button', { name: 'Keep 3.5 / 5' }).click();
      await v.getByRole('listitem', { name: title }).getByText('Average 3.5 / 5').waitFor();
    }
    await expect.poll(() => f.getByRole('listitem', { name: KR1 }).getByText('ana@example.com').or(f.getByRole('listitem', { name: KR1 }).getByLabel('Owner email', { exact: true })).count()).toBeGreaterThan(0);
    await shoot('6-refine', { facilitator: f, projector: v, phone: b });

    // Summary: the OKRs as exported, and the export itself.
    await moveGroupTo(f, 'Summary');
    await projectorFollows('Summary');
    // The projector's Summary opens on the OKR; the parked list is a later page.
    await v.getByRole('list', { name: 'Key results' }).getByRole('listitem', { name: KR1 }).getByText(/58% → 65%/).waitFor();
    for (const page of people) {
      const krs = page.getByRole('region', { name: 'Key results' });
      await krs.getByRole('row').filter({ hasText: KR1 }).getByText('58% → 65%').waitFor();
      await page.getByRole('region', { name: 'Parked' }).getByText('Speed work waits for the new payment provider').waitFor();
    }
    // What Ana and Ben filled in on their own devices has reached the facilitator's, which downloads the export.
    for (const [title, range, email] of [[KR1, '58% → 65%', 'ana@example.com'], [KR2, '70% → 60%', 'ben@example.com']] as const) {
      const row = f.getByRole('region', { name: 'Key results' }).getByRole('row').filter({ hasText: title });
      await row.getByText(range).waitFor();
      await row.getByText(email).waitFor();
    }
    await shoot('7-summary', { facilitator: f, projector: v, phone: b });
    const [download] = await Promise.all([f.waitForEvent('download'), f.getByRole('button', { name: 'Download JSON' }).click()]);
    const downloaded = JSON.parse(fs.readFileSync((await download.path())!, 'utf8')) as unknown;
    assertValidExport(downloaded);
    const exported = okrExportSchema.parse(downloaded);
    expect(exported.objective?.title).toBe(OBJECTIVE_A);
    expect(exported.objective?.decision.tally[0]).toMatchObject({ text: OBJECTIVE_A, votes: 3 });
    // Drafts revealed at the same moment on two devices have no order between them: compare as a set.
    const byTitle = (a: readonly unknown[], b: readonly unknown[]) => String(a[0]).localeCompare(String(b[0]));
    expect(exported.keyResults.map((kr) => [kr.title, kr.baseline, kr.target, kr.owner?.email, kr.confidence]).sort(byTitle)).toEqual([
      [KR2, 70, 60, 'ben@example.com', 0.7],
      [KR1, 58, 65, 'ana@example.com', 0.7],
    ]);
    expect(exported.initiatives.map((i) => i.title)).toEqual([ACTION]);
    expect(exported.parked.map((p) => p.reason).sort()).toEqual(['First-time buyers matter, but repeat revenue comes first', 'Speed work waits for the new payment provider']);

    // The server's export endpoint says the same.
    const roomId = new URL(participantUrl).pathname.split('/').pop();
    // Once the facilitator's last writes (the kept confidences, the move) have reached it.
    const serverExport = async () => {
      const res = await fetch(`${server.httpUrl}/api/rooms/${roomId}/export`, { headers: { Authorization: `Bearer ${facilitatorKey}` } });
      const fromServer: unknown = await res.json();
      assertValidExport(fromServer);
      return { ...fromServer, exportedAt: null };
    };
    await expect.poll(serverExport).toEqual({ ...exported, exportedAt: null });

    await Promise.all([fay, ana, ben, projector].map((device) => device.context.close()));
  });
});

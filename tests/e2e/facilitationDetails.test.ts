import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { okrExportSchema } from '@okr/shared/export';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { eventually, openBoardClient } from '../helpers/clients.ts';
import { assertValidExport } from '../helpers/exportSchema.ts';
import { createRoom } from '../helpers/server.ts';
import { addCard, cardIn, joinBoard as join, moveGroupTo, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';

const suite = useBrowserSuite();

async function download(page: Page, label: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
  return fs.readFileSync((await file.path())!, 'utf8');
}

describe('facilitation details', () => {
  it('Merge into… offers the grouped card, takes the edited wording and keeps both authors in the export', async () => {
    const shots = artifactDir('facilitation-details');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Merge check');
    // Cards as the reveal writes them, with their authors; the first card on the board is not in the group.
    const seed = openBoardClient(server.wsUrl, room.roomId);
    await seed.synced;
    seed.board.addCandidate({ text: 'Delight first-time buyers', authorId: 'ana', authorName: 'Ana' });
    const bens = seed.board.addCandidate({ text: 'Checkout feels effortless', authorId: 'ben', authorName: 'Ben' });
    const anas = seed.board.addCandidate({ text: 'Make checkout effortless', authorId: 'ana', authorName: 'Ana' });
    seed.board.groupCandidate(anas, bens);

    const { page: f } = await newDevice(browser, PROJECTOR);
    await join(f, room.facilitatorUrl, 'Fay');
    await moveGroupTo(f, 'Draft objectives');
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    await f.getByRole('button', { name: 'Merge "Make checkout effortless" into…' }).click();
    const picker = f.getByRole('group', { name: 'Merge "Make checkout effortless"' });
    expect(await picker.getByLabel('Merge into').locator('option:checked').textContent()).toBe('Checkout feels effortless');
    const wording = picker.getByRole('textbox', { name: 'Merged wording' });
    expect(await wording.inputValue()).toBe('Checkout feels effortless / Make checkout effortless');
    await wording.fill('Checkout is effortless for returning buyers');
    await f.screenshot({ path: path.join(shots, 'merge-dialog-1920.png') });
    await picker.getByRole('button', { name: 'Merge' }).click();

    const merged = cardIn(f, 'Candidate objectives', 'Checkout is effortless for returning buyers');
    await merged.getByText('Ben, Ana').waitFor();
    expect(await f.getByRole('listitem', { name: 'Make checkout effortless' }).count()).toBe(0);
    await eventually(() => seed.board.candidates.list().length === 2, 'the duplicate gone from the document');

    await moveGroupTo(f, 'Summary');
    const exported = okrExportSchema.parse(JSON.parse(await download(f, 'Download JSON')));
    expect(exported.candidates.find((c) => c.id === bens)).toMatchObject({ text: 'Checkout is effortless for returning buyers', author: 'Ben', authors: ['Ben', 'Ana'] });
    seed.destroy();
  });

  it('names who is ready and starts the count over on every move, going back included', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Ready check');
    const { page: f } = await newDevice(browser, PROJECTOR);
    await join(f, room.facilitatorUrl, 'Fay');
    const { page: p } = await newDevice(browser, PHONE);
    await join(p, room.participantUrl, 'Pat');
    const { page: q } = await newDevice(browser, PHONE);
    await join(q, room.participantUrl, 'Quinn');
    const bar = f.getByRole('toolbar', { name: 'Facilitation' });
    // Who is ready by name: drawn from the same presence as the count, but read as its own element, polled.
    const names = bar.getByLabel('Who is ready');

    await bar.getByText('0/2 ready').waitFor();
    await p.getByRole('button', { name: 'I’m done' }).click();
    await bar.getByText('1/2 ready').waitFor();
    await expect.poll(() => names.textContent()).toBe('Ready: Pat · Waiting for Quinn');

    await moveGroupTo(f, 'Draft objectives');
    await bar.getByText('0/2 ready').waitFor();
    await expect.poll(() => names.textContent()).toBe('Waiting for Pat, Quinn');
    await q.getByRole('button', { name: 'I’m done' }).click();
    await bar.getByText('1/2 ready').waitFor();
    await expect.poll(() => names.textContent()).toBe('Ready: Quinn · Waiting for Pat');
    await f.screenshot({ path: path.join(artifactDir('facilitation-details'), 'ready-names-1920.png') });

    // Back to Context, where Pat was done before: that mark belonged to the earlier visit.
    await moveGroupTo(f, 'Context');
    await bar.getByText('0/2 ready').waitFor();
    await expect.poll(() => names.textContent()).toBe('Waiting for Pat, Quinn');
    await p.locator('#step-heading', { hasText: 'Context' }).waitFor();
    await expect.poll(() => p.getByRole('button', { name: 'I’m done' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('warns before revealing while someone with drafts is offline, names them, and lets the facilitator wait or reveal anyway', async () => {
    const shots = artifactDir('facilitation-details');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Offline drafts');
    const { page: f } = await newDevice(browser, PROJECTOR);
    await join(f, room.facilitatorUrl, 'Fay');
    const { page: a } = await newDevice(browser, PHONE);
    await join(a, room.participantUrl, 'Ana');
    await moveGroupTo(f, 'Draft objectives');
    await a.locator('#step-heading', { hasText: 'Draft objectives' }).waitFor();
    await addCard(a, 'Candidate objective', 'Make checkout effortless');
    await f.getByText('Ana is writing (1)').waitFor();

    // Ana's device leaves with the draft on it.
    await a.goto('about:blank');
    await expect.poll(() => f.getByText('Ana is writing (1)').count()).toBe(0);
    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    const warning = f.getByRole('alertdialog', { name: 'Someone is offline with drafts' });
    await warning.getByText('Ana (1 draft) is offline with drafts not yet revealed.').waitFor();
    await f.screenshot({ path: path.join(shots, 'offline-warning-1920.png') });
    await warning.getByRole('button', { name: 'Wait' }).click();
    expect(await warning.count()).toBe(0);
    expect(await f.getByRole('button', { name: 'Reveal all drafts' }).count()).toBe(1);

    await f.getByRole('button', { name: 'Reveal all drafts' }).click();
    await warning.getByRole('button', { name: 'Reveal anyway' }).click();
    await f.getByRole('button', { name: 'Start another private round' }).waitFor();

    // When Ana comes back, her draft publishes as it always has.
    await a.goto(room.participantUrl);
    await waitConnected(a);
    await cardIn(f, 'Candidate objectives', 'Make checkout effortless').waitFor();
  });

  it('keeps the facilitator’s discussion notes per step and shows them in the Summary, the JSON and the Markdown', async () => {
    const shots = artifactDir('facilitation-details');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Notes check');
    const { page: f } = await newDevice(browser, PROJECTOR);
    await join(f, room.facilitatorUrl, 'Fay');
    const { page: p } = await newDevice(browser, PHONE);
    await join(p, room.participantUrl, 'Pat');
    expect(await p.getByRole('textbox', { name: 'Discussion notes' }).count()).toBe(0);

    await moveGroupTo(f, 'Draft objectives');
    await f.getByRole('textbox', { name: 'Discussion notes' }).fill('Decided: one theme, checkout.\nOpen: who owns loyalty?');
    await f.screenshot({ path: path.join(shots, 'notes-1920.png') });
    await moveGroupTo(f, 'Summary');

    const summary = f.getByRole('region', { name: 'Discussion notes' });
    await summary.getByText('Draft objectives').waitFor();
    await summary.getByText('Open: who owns loyalty?').waitFor();
    await p.getByRole('region', { name: 'Discussion notes' }).getByText('Decided: one theme, checkout.').waitFor();
    await p.screenshot({ path: path.join(shots, 'summary-notes-390.png'), fullPage: true });

    const json = JSON.parse(await download(f, 'Download JSON')) as unknown;
    assertValidExport(json);
    expect(okrExportSchema.parse(json).workshop.discussionNotes).toEqual([{ step: 'draft', text: 'Decided: one theme, checkout.\nOpen: who owns loyalty?' }]);
    const markdown = await download(f, 'Download Markdown');
    expect(markdown).toContain('## Discussion notes\n\n### Draft objectives\n\n- Decided: one theme, checkout.\n- Open: who owns loyalty?');
  });

  it('names the workshop on the join page, serves a favicon, and spreads the projector’s context canvas over 1920 px with the page’s notes inside', async () => {
    const shots = artifactDir('facilitation-details');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Checkout team OKRs');

    const { page: j } = await newDevice(browser, PHONE);
    await j.goto(room.participantUrl);
    await j.getByText('Checkout team OKRs').waitFor();
    await j.screenshot({ path: path.join(shots, 'join-390.png') });

    const icon = await fetch(`${server.httpUrl}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toContain('image/svg+xml');
    expect(await j.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');

    const seed = openBoardClient(server.wsUrl, room.roomId);
    await seed.synced;
    seed.board.addContextItem({ kind: 'mission', text: 'Make buying effortless' });
    seed.board.addContextItem({ kind: 'product-strategy', text: 'Win returning customers' });
    seed.board.addContextItem({ kind: 'metric', text: 'Checkout conversion 58%' });
    const { page: v } = await newDevice(browser, PROJECTOR);
    await v.goto(room.viewerUrl);
    await waitConnected(v);
    await v.getByText('Checkout conversion 58%').waitFor();
    await v.screenshot({ path: path.join(shots, 'projector-context-1920.png') });
    // The projector's canvas spans the screen's width; the notes of the page shown sit inside it (the
    // projector pages a canvas at a readable zoom, docs/projector.md; the next page's notes show faint at the edge).
    const { canvas, notes, all } = await v.evaluate(() => {
      const box = document.querySelector('.canvas-viewport')!.getBoundingClientRect();
      const cards = [...document.querySelectorAll('.canvas-viewport .note:not(.is-off-page)')].map((note) => note.getBoundingClientRect());
      const all = document.querySelectorAll('.canvas-viewport .note').length;
      return { canvas: { left: box.left, right: box.right, top: box.top, bottom: box.bottom, width: box.width }, notes: cards.map((c) => ({ left: c.left, right: c.right, top: c.top, bottom: c.bottom })), all };
    });
    expect(all).toBe(3);
    expect(notes.length).toBeGreaterThanOrEqual(2);
    expect(canvas.width).toBeGreaterThan(1400);
    for (const note of notes) {
      expect(note.left).toBeGreaterThanOrEqual(canvas.left);
      expect(note.right).toBeLessThanOrEqual(canvas.right);
      expect(note.top).toBeGreaterThanOrEqual(canvas.top);
      expect(note.bottom).toBeLessThanOrEqual(canvas.bottom);
    }
    expect(await v.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    seed.destroy();
  });
});

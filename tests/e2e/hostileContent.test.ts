import { describe, expect, it } from 'vitest';
import { newDevice } from '../helpers/browser.ts';
import { openBoardClient } from '../helpers/clients.ts';
import { createRoom } from '../helpers/server.ts';
import { cardIn, joinBoard, useBrowserSuite } from '../helpers/browserSuite.ts';

// What a participant's modified client may write within the board's schema, seen on an honest
// participant's screen: shown safely, never run.
const suite = useBrowserSuite();

describe('hostile content on the board', () => {
  it('a context card’s javascript: link dressed as a wiki address is not a link; an https one is', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Hostile content');
    const mallory = openBoardClient(server.wsUrl, room.roomId);
    await mallory.synced;
    // z.url() takes it, and its host reads "wiki.example.com": a click would run the rest (where CSP did not stop it).
    mallory.board.addContextItem({ kind: 'pre-work', text: 'Strategy wiki', link: 'javascript://wiki.example.com/%0adocument.title=%22pwned%22' });
    mallory.board.addContextItem({ kind: 'pre-work', text: 'Roadmap', link: 'https://docs.example.com/roadmap' });

    const errors: string[] = [];
    const { page, context } = await newDevice(browser);
    page.on('pageerror', (err) => errors.push(err.message));
    await joinBoard(page, room.participantUrl, 'Ana');
    const hostile = cardIn(page, 'Pre-work', 'Strategy wiki');
    await hostile.waitFor();
    expect(await hostile.getByRole('link').count()).toBe(0);
    await expect.poll(() => hostile.textContent()).toContain('Link not opened');
    const honest = cardIn(page, 'Pre-work', 'Roadmap');
    expect(await honest.getByRole('link', { name: 'docs.example.com' }).getAttribute('href')).toBe('https://docs.example.com/roadmap');
    expect(await page.title()).not.toBe('pwned');
    expect(errors).toEqual([]);
    await context.close();
    mallory.destroy();
  });

  it('a card’s override character cannot turn words around; Arabic and Hebrew cards read right to left', async () => {
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Directions');
    const mallory = openBoardClient(server.wsUrl, room.roomId);
    await mallory.synced;
    mallory.board.addContextItem({ kind: 'pre-work', text: 'Ship it\u202E 4 dots' });
    const arabic = 'زيادة المبيعات';
    const hebrew = 'להגדיל את ההמרה';
    mallory.board.addContextItem({ kind: 'pre-work', text: arabic });
    mallory.board.addContextItem({ kind: 'pre-work', text: hebrew });

    const { page, context } = await newDevice(browser);
    await joinBoard(page, room.participantUrl, 'Ana');
    // Shown (and named for screen readers) without the override.
    await cardIn(page, 'Pre-work', 'Ship it 4 dots').waitFor();
    expect(await cardIn(page, 'Pre-work', 'Ship it 4 dots').locator('.card-text').textContent()).toBe('Ship it 4 dots');
    for (const text of [arabic, hebrew]) {
      const box = cardIn(page, 'Pre-work', text).locator('.card-text');
      await box.waitFor();
      // The text sits at the right of its box, as right-to-left writing does.
      const { gapRight, gapLeft } = await box.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const line = range.getBoundingClientRect();
        const boxRect = el.getBoundingClientRect();
        return { gapRight: boxRect.right - line.right, gapLeft: line.left - boxRect.left };
      });
      expect(gapRight, text).toBeLessThan(2);
      expect(gapLeft, text).toBeGreaterThan(20);
    }
    await context.close();
    mallory.destroy();
  });
});

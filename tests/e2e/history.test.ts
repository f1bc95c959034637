import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardIds } from '@okr/shared/doc';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { cardIn, joinBoard as join, moveGroupTo, useBrowserSuite } from '../helpers/browserSuite.ts';
import { eventually, openBoardClient } from '../helpers/clients.ts';
import { addThenWipe, previewVersionOf } from '../helpers/historyDialog.ts';
import { createRoom } from '../helpers/server.ts';
import { clickBarItem } from '../helpers/barMenu.ts';

const suite = useBrowserSuite();

const TEXTS = Array.from({ length: 11 }, (_, i) => `Returning buyers check out in step ${i + 1}`);

describe('history and restore', () => {
  it('a participant\'s stock client wipes the board; the facilitator previews the version before in History and restores it for everyone; Undo takes the restore back', async () => {
    const shots = artifactDir('history');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'History check');
    const facilitator = await newDevice(browser, PROJECTOR);
    const f = facilitator.page;
    await join(f, room.facilitatorUrl, 'Fay');
    const participant = await newDevice(browser, PHONE);
    const p = participant.page;
    await join(p, room.participantUrl, 'Pat');

    // The accident of issue 9: 11 cards, kept as a version when the step changed, then one
    // participant's stock client deletes them all.
    const stock = openBoardClient(server.wsUrl, room.roomId);
    try {
      await stock.synced;
      await moveGroupTo(f, 'Draft objectives');
      await addThenWipe(stock, [f, p], TEXTS, async () => {
        await moveGroupTo(f, 'Pick THE objective');
        await moveGroupTo(f, 'Draft objectives');
      });

      // History: the version before the wipe, previewed, then restored.
      const { history, preview } = await previewVersionOf(f, 11);
      await preview.getByText(TEXTS[10]!).waitFor();
      await f.screenshot({ path: path.join(shots, 'facilitator-history-1920.png') });
      await preview.getByRole('button', { name: 'Restore this version' }).click();
      await expect.poll(() => history.count()).toBe(0);

      // Everyone has the cards back: both screens and the stock client.
      for (const page of [f, p]) for (const text of TEXTS) await cardIn(page, 'Candidate objectives', text).waitFor();
      await eventually(() => stock.board.candidates.list().length === 11, 'the stock client has the 11 cards back');
      await f.screenshot({ path: path.join(shots, 'facilitator-restored-1920.png') });
      await p.screenshot({ path: path.join(shots, 'participant-restored-390.png') });

      // The restore is the facilitator's own edit: Undo takes it back, for everyone.
      await f.getByRole('button', { name: 'Undo my last edit' }).click();
      for (const page of [f, p]) await expect.poll(() => cardIn(page, 'Candidate objectives', TEXTS[0]!).count()).toBe(0);
      await eventually(() => cardIds(stock.board).length === 0, 'the stock client sees the restore undone');

      // History on a phone-sized facilitator screen.
      const phone = await newDevice(browser, PHONE);
      await join(phone.page, room.facilitatorUrl, 'Fay on the phone');
      await clickBarItem(phone.page, 'More', 'History');
      const phoneHistory = phone.page.getByRole('dialog', { name: 'History' });
      await phoneHistory.getByRole('button', { name: /^Preview .*11 cards/ }).first().click();
      await phoneHistory.getByRole('region', { name: 'Preview' }).getByText('Candidate objectives (11)').waitFor();
      await phone.page.screenshot({ path: path.join(shots, 'facilitator-history-390.png') });
      await phone.context.close();
    } finally {
      stock.destroy();
      await facilitator.context.close();
      await participant.context.close();
    }
  });
});

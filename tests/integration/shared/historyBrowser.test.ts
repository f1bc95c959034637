import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { cardIds } from '@okr/shared/doc';
import { DELETION_VERSION_GAP_MS } from '../../../server/src/relay/versionTriggers.ts';
import { artifactDir, launchBrowser, newDevice, PHONE, PROJECTOR } from '../../helpers/browser.ts';
import { cardIn, joinBoard as join, moveGroupTo } from '../../helpers/browserSuite.ts';
import { eventually, openBoardClient } from '../../helpers/clients.ts';
import { addThenWipe, previewVersionOf } from '../../helpers/historyDialog.ts';
import { createRoom } from '../../helpers/server.ts';
import { useSharedCluster, type Instance } from '../../helpers/sharedCluster.ts';

/*
 * The app's History in shared mode (issue 12), in real Chromium: the facilitator's browser on
 * instance two lists and previews a version instance one kept, restores it, and the participant's
 * browser and a stock client on instance one get the cards back; Undo takes it back for them too.
 * Needs the client build (`npx pnpm@10 build`), as the e2e tests do.
 */

const TEXTS = Array.from({ length: 11 }, (_, i) => `Returning buyers check out in step ${i + 1}`);

const fixture = useSharedCluster(2);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('History in shared mode, in the browser', () => {
  it('a version kept by instance one is previewed and restored from instance two; everyone on instance one gets the cards back, and Undo takes them away again', async () => {
    const shots = artifactDir('shared-history');
    const [one, two] = fixture.cluster.instances as [Instance, Instance];
    const room = await createRoom(one.httpUrl, 'History across instances');
    const facilitator = await newDevice(browser, PROJECTOR);
    const participant = await newDevice(browser, PHONE);
    const stock = openBoardClient(one.wsUrl, room.roomId);
    const f = facilitator.page;
    const p = participant.page;
    try {
      await join(f, room.facilitatorUrl.replace(one.httpUrl, two.httpUrl), 'Fay');
      await join(p, room.participantUrl, 'Pat');
      await stock.synced;
      await moveGroupTo(f, 'Draft objectives');
      // That step change kept a version (on instance two); the wipe below must come after the gap to keep its own.
      await new Promise((resolve) => setTimeout(resolve, DELETION_VERSION_GAP_MS + 500));

      // The accident of issue 9 on instance one: 11 cards, then one stock client deletes them all.
      await addThenWipe(stock, [f, p], TEXTS);

      // History on instance two: the version instance one kept before the wipe.
      const { history, preview } = await previewVersionOf(f, 11);
      await f.screenshot({ path: path.join(shots, 'facilitator-history-instance-two-1920.png') });
      await preview.getByRole('button', { name: 'Restore this version' }).click();
      await expect.poll(() => history.count()).toBe(0);

      for (const text of TEXTS) await cardIn(p, 'Candidate objectives', text).waitFor();
      await eventually(() => stock.board.candidates.list().length === 11, 'the stock client on instance one has the 11 cards back');
      await p.screenshot({ path: path.join(shots, 'participant-restored-instance-one-390.png'), fullPage: true });

      await f.getByRole('button', { name: 'Undo my last edit' }).click();
      await expect.poll(() => cardIn(p, 'Candidate objectives', TEXTS[0]!).count()).toBe(0);
      await eventually(() => cardIds(stock.board).length === 0, 'the stock client on instance one sees the restore undone');
      await expect.poll(async () => cardIds(await fixture.cluster.storedBoard(room.roomId))).toEqual([]);
    } finally {
      stock.destroy();
      await facilitator.context.close();
      await participant.context.close();
    }
  }, 120_000);
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { ControlDoc } from '@okr/shared/doc';
import { openBoardClient } from '../helpers/clients.ts';
import { openRequester, refusalCode } from '../helpers/requester.ts';
import { createRoom } from '../helpers/server.ts';
import { joinBoard, moveGroupTo, useBrowserSuite } from '../helpers/browserSuite.ts';
import { clickBarItem } from '../helpers/barMenu.ts';

const suite = useBrowserSuite();

const FAST = 'Checkout in under a minute';
const SUPPORT = 'Support answers within the hour';
const PET = "Mal's pet objective";

async function dot(page: Page, text: string, times = 1): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: `Add a dot to "${text}"` }).click();
}


describe('a vote the team can trust (issue 14), in Chromium', () => {
  it('three people vote through the UI while a fourth connection attacks; the tally, the Summary and the export hold only the honest votes', async () => {
    const shots = artifactDir('trusted-vote');
    const { server, browser } = suite;
    const room = await createRoom(server.httpUrl, 'Q3 OKRs – Checkout');
    const seeder = openBoardClient(server.wsUrl, room.roomId);
    await seeder.synced;
    const [fastId, , petId] = [FAST, SUPPORT, PET].map((text) => seeder.board.addCandidate({ text }));

    const [fay, ana, bo] = await Promise.all([newDevice(browser, PROJECTOR), newDevice(browser, PHONE), newDevice(browser)]);
    const [f, a, b] = [fay.page, ana.page, bo.page];
    await joinBoard(f, room.facilitatorUrl, 'Fay');
    await joinBoard(a, room.participantUrl, 'Ana');
    await joinBoard(b, room.participantUrl, 'Bo');
    // The seeding stock client never named a seat nor showed presence, so it is not waited for; it leaves anyway.
    seeder.destroy();
    await moveGroupTo(f, 'Pick THE objective');
    const controls = f.getByRole('region', { name: 'Voting controls' });
    await controls.getByRole('button', { name: 'Open voting' }).click();
    await controls.getByText('0 of 2 have voted').waitFor();

    // Honest votes: Fay one on each card; Ana 2 on Fast, 1 on Support; Bo 2 on Support, 1 on Pet.
    await dot(f, FAST);
    await dot(f, SUPPORT);
    await dot(f, PET);
    await dot(a, FAST, 2);
    await dot(a, SUPPORT);
    await dot(b, SUPPORT, 2);
    await dot(b, PET);
    await controls.getByText('3 of 3 have voted').waitFor();
    // The People screen says who has voted, never how.
    await clickBarItem(f, 'More', 'People…');
    const people = f.getByRole('dialog', { name: 'People' });
    for (const name of ['Fay', 'Ana', 'Bo']) await expect.poll(() => people.getByRole('row', { name, exact: true }).textContent()).toContain('Voted');
    await f.screenshot({ path: path.join(shots, 'people-voted-facilitator.png') });
    await people.getByRole('button', { name: 'Close' }).click();

    // Mal, the fourth connection, with a stock y-websocket client and a seat of his own.
    const mal = openRequester(server.wsUrl, room.roomId, { seat: 'mal-stock-client-seat-0000001' });
    await mal.synced;
    const roundId = new ControlDoc(mal.provider.doc).state().voting.roundId;
    expect(roundId).not.toBe('');
    const attempts: Record<string, string> = {
      'over the budget': await refusalCode(mal.requests.request('castBallot', { roundId, dots: { [petId!]: 2, [fastId!]: 2 } })),
      'over the cap': await refusalCode(mal.requests.request('castBallot', { roundId, dots: { [petId!]: 3 } })),
      'a ballot as Ana': await refusalCode(mal.requests.request('castBallot', { roundId, dots: { [petId!]: 2 }, voterId: 'ana' })),
      'a proxy ballot': await refusalCode(mal.requests.request('castBallot', { roundId, dots: { [petId!]: 2 }, proxyFor: 'Kim' })),
      'the progress list': await refusalCode(mal.requests.request('votingProgress')),
    };
    expect(attempts).toEqual({ 'over the budget': 'no-dots-left', 'over the cap': 'cap-reached', 'a ballot as Ana': 'invalid-args', 'a proxy ballot': 'forbidden', 'the progress list': 'forbidden' });
    // Six ballots under invented ids written straight into the board: the connection is closed, nothing lands.
    const malBoard = openBoardClient(server.wsUrl, room.roomId);
    await malBoard.synced;
    const closed = new Promise<number>((resolve) => malBoard.provider.once('connection-close', (event) => resolve(event?.code ?? 0)));
    malBoard.board.ydoc.transact(() => {
      for (let i = 0; i < 6; i++) malBoard.board.ydoc.getMap('ballots').set(`${roundId}:fake-${i}`, { roundId, voterId: `fake-${i}`, voterName: 'x', dots: { [petId!]: 2 } });
    });
    expect(await closed).toBe(1008);
    malBoard.destroy();
    mal.destroy();
    await f.screenshot({ path: path.join(shots, 'voting-open-facilitator.png') });

    await controls.getByRole('button', { name: 'Close voting' }).click();
    const honest = { [FAST]: 3, [SUPPORT]: 4, [PET]: 2 };
    const result = f.getByRole('list', { name: 'Vote result' });
    await result.waitFor();
    for (const [text, votes] of Object.entries(honest)) await result.getByRole('listitem', { name: text }).getByText(`${votes} ${votes === 1 ? 'dot' : 'dots'}`).waitFor();
    await f.getByText('Result: 9 dots from 3 voters').waitFor();
    // Who voted, by seat name: Mal's refused attempts put nobody on the list.
    await f.getByText('Voted: Ana, Bo, Fay').waitFor();
    await f.screenshot({ path: path.join(shots, 'voting-closed-facilitator.png') });

    const confirm = f.getByRole('form', { name: 'Confirm THE objective' });
    await confirm.getByLabel('Rationale').fill('Fastest path to more orders.');
    await confirm.getByRole('button', { name: 'Confirm THE objective' }).click();
    await f.getByRole('region', { name: 'THE objective' }).first().waitFor();

    await moveGroupTo(f, 'Summary');
    const tally = f.getByRole('list', { name: 'Vote tally' });
    await tally.waitFor();
    const lines = await tally.getByRole('listitem').allTextContents();
    expect(lines.map((line) => line.replace(' — chosen', ''))).toEqual([`4 ${SUPPORT}`, `3 ${FAST}`, `2 ${PET}`]);
    await f.screenshot({ path: path.join(shots, 'summary.png') });

    // The server's export, once the facilitator's confirmation has reached it: the page shows its own
    // write at once, the server has it a moment later.
    const serverTally = async () => {
      const res = await fetch(`${server.httpUrl}/api/rooms/${room.roomId}/export`, { headers: { Authorization: `Bearer ${room.facilitatorKey}` } });
      const exported = (await res.json()) as { objective: { decision: { tally: { text: string; votes: number }[] } } | null };
      return exported.objective && Object.fromEntries(exported.objective.decision.tally.map((t) => [t.text, t.votes]));
    };
    await expect.poll(serverTally).toEqual(honest);

    await Promise.all([fay.context.close(), ana.context.close(), bo.context.close()]);
  });
});

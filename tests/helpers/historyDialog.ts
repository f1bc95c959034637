import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { clickBarItem } from './barMenu.ts';
import { cardIn } from './browserSuite.ts';
import { relayHandled, type TestClient } from './clients.ts';

/**
 * The accident of issue 9 in a browser test: a stock client adds `texts` as candidates (then
 * `meanwhile` runs, e.g. a step change that keeps a version of them), every page shows them, then
 * it deletes them all and every page shows none.
 */
export async function addThenWipe(stock: TestClient, pages: readonly Page[], texts: readonly string[], meanwhile: () => Promise<void> = async () => {}): Promise<void> {
  for (const text of texts) stock.board.addCandidate({ text });
  await relayHandled(stock.provider);
  await meanwhile();
  for (const page of pages) await cardIn(page, 'Candidate objectives', texts.at(-1)!).waitFor();
  stock.board.transact(() => stock.board.candidates.list().forEach((card) => stock.board.candidates.remove(card.id)));
  for (const page of pages) await expect.poll(() => cardIn(page, 'Candidate objectives', texts[0]!).count()).toBe(0);
}

/** The facilitator opens History and previews the newest version holding `cards` candidates: the dialog and its preview. */
export async function previewVersionOf(f: Page, cards: number) {
  await clickBarItem(f, 'More', 'History');
  const history = f.getByRole('dialog', { name: 'History' });
  await history.getByRole('button', { name: new RegExp(`^Preview .*${cards} cards`) }).first().click();
  const preview = history.getByRole('region', { name: 'Preview' });
  await preview.getByText(`Candidate objectives (${cards})`).waitFor();
  return { history, preview };
}

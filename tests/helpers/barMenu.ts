import type { Page } from 'playwright-core';

/**
 * Clicks `name` in the facilitator bar's menu `menu` ("More", "Projector"), opening the menu first
 * when it is closed (it stays open behind a dialog its item opened).
 */
export async function clickBarItem(page: Page, menu: string, name: string): Promise<void> {
  const item = page.getByRole('toolbar', { name: 'Facilitation' }).getByRole('button', { name, exact: true });
  if (!(await item.isVisible())) await page.getByRole('toolbar', { name: 'Facilitation' }).getByRole('button', { name: menu, exact: true }).click();
  await item.click();
}

import path from 'node:path';
import { describe, it } from 'vitest';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';

const TOKEN = 'our-team-token';
const suite = useBrowserSuite({ createRoomToken: TOKEN });

describe('a server with CREATE_ROOM_TOKEN', () => {
  it.each([
    ['projector', PROJECTOR],
    ['phone', PHONE],
  ])('the create form asks for the token once the server wants one, then creates the board (%s)', async (device, viewport) => {
    const shots = artifactDir('createToken');
    const { page } = await newDevice(suite.browser, viewport);
    await page.goto(`${suite.server.httpUrl}/`);
    await page.getByLabel('Workshop title').fill('Q3 OKRs – Checkout');
    await page.getByLabel('Your name').fill('Fay');
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.getByRole('alert').filter({ hasText: 'room-creation token' }).waitFor();
    const tokenField = page.getByLabel('Room-creation token');
    await tokenField.waitFor();
    await page.screenshot({ path: path.join(shots, `token-asked-${device}.png`) });

    await tokenField.fill(TOKEN);
    await page.getByRole('button', { name: 'Create workshop' }).click();
    await page.waitForURL(/\/r\/[A-Za-z0-9_-]+$/);
    await waitConnected(page);
    await page.getByRole('heading', { name: 'Q3 OKRs – Checkout' }).waitFor();
  });
});

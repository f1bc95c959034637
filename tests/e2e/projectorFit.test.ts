import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CANVAS_STEPS, STEP_IDS, type CanvasStep } from '@okr/shared/schema';
import { stepInfo } from '@okr/shared/workshop';
import { artifactDir, newDevice, PHONE, PROJECTOR } from '../helpers/browser.ts';
import { joinBoard, useBrowserSuite, waitConnected } from '../helpers/browserSuite.ts';
import { openControlClient } from '../helpers/clients.ts';
import { createRealisticRoom } from '../helpers/realisticBoard.ts';
import { measureFit, projectorPage } from '../helpers/projectorFit.ts';

const suite = useBrowserSuite();

/** How many lines the facilitator's bar takes: its items' vertical middles, told apart by more than a few pixels. */
function barLines(page: Page): Promise<number> {
  return page.evaluate(() => {
    const middles = [...document.querySelector('.facilitator-bar')!.children].map((el) => {
      const r = el.getBoundingClientRect();
      return r.top + r.height / 2;
    });
    return new Set(middles.map((m) => Math.round(m / 8))).size;
  });
}
const SMALL_PROJECTOR = { width: 1280, height: 720 };

describe('the projector shows every step whole', () => {
  it('every step and every page fits 1920×1080 and 1280×720 without scrolling, body text at least 28 px at 1920×1080', async () => {
    const shots = artifactDir('projector-fit');
    const room = await createRealisticRoom(suite.server.httpUrl, suite.server.wsUrl);
    const control = openControlClient(suite.server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await control.synced;
    control.control.set({ joinUrl: room.participantUrl });
    const screens = await Promise.all(
      [PROJECTOR, SMALL_PROJECTOR].map(async (viewport) => {
        const { page, context } = await newDevice(suite.browser, viewport);
        await page.goto(room.viewerUrl);
        await waitConnected(page);
        return { page, context, viewport };
      }),
    );
    const pagesSeen: string[] = [];
    // Context, Draft objectives and Brainstorm show their canvas a page (a region) at a time, at a
    // size read from the back of the room: every note is whole on one of its pages.
    const noteSizes: string[] = [];
    for (const step of STEP_IDS) {
      control.control.setStep(step);
      for (const { page } of screens) await page.getByRole('heading', { name: new RegExp(stepInfo(step).title) }).waitFor();
      const { count } = await projectorPage(screens[0]!.page);
      const notesShown = new Set<string>();
      let notesDrawn = 0;
      for (let index = 0; index < count; index++) {
        control.control.setPresentPage(index);
        for (const { page, viewport } of screens) {
          if (count > 1) await page.getByText(`Page ${index + 1} of ${count}`).waitFor();
          const fit = await measureFit(page);
          const where = `${step} page ${index + 1} at ${viewport.width}×${viewport.height}`;
          expect.soft(fit.scrollHeight, `${where} scrolls`).toBeLessThanOrEqual(fit.innerHeight);
          expect.soft(fit.innerScrollers, `${where} has inner scrolling`).toEqual([]);
          expect.soft(fit.cutText, `${where}: text cut through a line`).toEqual([]);
          if (viewport === PROJECTOR) {
            expect.soft(fit.smallestText, `${where}: "${fit.smallestTextSample}" is smaller than 28 px`).toBeGreaterThanOrEqual(28);
            if (CANVAS_STEPS.includes(step as CanvasStep)) {
              expect(fit.notesShown.length, `${where}: the canvas shows notes`).toBeGreaterThan(0);
              expect.soft(fit.smallestNoteText, `${where}: "${fit.smallestNoteSample}" on the canvas is smaller than 28 px`).toBeGreaterThanOrEqual(28);
              noteSizes.push(`${step} page ${index + 1}: ${fit.notesShown.length} notes, ${fit.smallestNoteText.toFixed(1)} px`);
              for (const id of fit.notesShown) notesShown.add(id);
              notesDrawn = fit.notesDrawn;
            }
          }
          await page.screenshot({ path: path.join(shots, `projector-${step}-${index + 1}${viewport === PROJECTOR ? '' : '-1280'}.png`) });
        }
        pagesSeen.push(`${step} ${index + 1}/${count}`);
      }
      expect.soft(notesShown.size, `${step}: every note of the canvas is whole on one of its pages`).toBe(notesDrawn);
    }
    console.log(`projector canvas pages at 1920×1080, notes wholly shown and their smallest text: ${noteSizes.join('; ')}`);
    // SMART refine is an overview and one page per key result; the Summary is a sequence of pages.
    expect(pagesSeen.filter((p) => p.startsWith('refine'))).toHaveLength(6);
    expect(pagesSeen.filter((p) => p.startsWith('summary'))).toHaveLength(5);
    await screens[1]!.page.screenshot({ path: path.join(shots, 'projector-summary-1280.png') });

    // THE objective chosen as a cluster of five notes: they take one line under it, where Pick,
    // Brainstorm and the Summary show it, and everything still fits with its text at 28 px.
    const fromNotes = ['Fewer steps to pay', 'Pay on the phone in one tap', 'Remember my address', 'No account needed to pay', 'Saved cards on every device'].map((text, i) => ({ id: `note${i}`, text }));
    control.control.setObjective({ ...control.control.state().objective!, fromNotes });
    for (const step of ['pick', 'brainstorm', 'summary'] as const) {
      control.control.setStep(step);
      control.control.setPresentPage(0);
      for (const { page, viewport } of screens) {
        await page.getByRole('heading', { name: new RegExp(stepInfo(step).title) }).waitFor();
        await page.getByRole('list', { name: 'From notes' }).getByText('+2 more').waitFor();
        const fit = await measureFit(page);
        const where = `${step} with a cluster's notes at ${viewport.width}×${viewport.height}`;
        expect.soft(fit.scrollHeight, `${where} scrolls`).toBeLessThanOrEqual(fit.innerHeight);
        expect.soft(fit.cutText, `${where}: text cut through a line`).toEqual([]);
        if (viewport !== PROJECTOR) continue;
        expect.soft(fit.smallestText, `${where}: "${fit.smallestTextSample}" is smaller than 28 px`).toBeGreaterThanOrEqual(28);
        if (step === 'brainstorm') {
          expect.soft(fit.smallestNoteText, `${where}: "${fit.smallestNoteSample}" on the canvas is smaller than 28 px`).toBeGreaterThanOrEqual(28);
          console.log(`brainstorm under a cluster objective at 1920×1080: ${fit.notesShown.length} notes, ${fit.smallestNoteText.toFixed(1)} px`);
        }
        await page.screenshot({ path: path.join(shots, `projector-${step}-cluster-objective.png`) });
      }
    }
    control.destroy();
    await Promise.all(screens.map((s) => s.context.close()));
  });

  it('the facilitator and a phone at every step, for the screenshots a person looks at', async () => {
    const shots = artifactDir('projector-fit');
    const room = await createRealisticRoom(suite.server.httpUrl, suite.server.wsUrl);
    const facilitator = await newDevice(suite.browser, PROJECTOR);
    await joinBoard(facilitator.page, room.facilitatorUrl, 'Fay');
    const phone = await newDevice(suite.browser, PHONE);
    await joinBoard(phone.page, room.participantUrl, 'Pat');
    const control = openControlClient(suite.server.wsUrl, room.roomId, { key: room.facilitatorKey });
    await control.synced;
    for (const step of STEP_IDS) {
      control.control.setStep(step);
      for (const page of [facilitator.page, phone.page]) await page.locator('#step-heading', { hasText: stepInfo(step).title }).waitFor();
      await facilitator.page.screenshot({ path: path.join(shots, `facilitator-${step}.png`), fullPage: step === 'summary' });
      // The phone's step strip scrolls sideways: the group's step is in view, not left off its end.
      await expect
        .poll(() =>
          phone.page.evaluate(() => {
            const strip = document.querySelector('.stepper ol')!.getBoundingClientRect();
            const current = document.querySelector('.stepper [aria-current="step"]')!.getBoundingClientRect();
            return current.left >= strip.left - 1 && current.right <= strip.right + 1;
          }),
        )
        .toBe(true);
      await phone.page.screenshot({ path: path.join(shots, `phone-${step}.png`) });
    }
    // The facilitator's bar is one line at 1920 and at a laptop's 1280, with the timer idle or running.
    for (const width of [1920, 1280]) {
      await facilitator.page.setViewportSize({ width, height: 800 });
      for (const running of [false, true]) {
        const bar = facilitator.page.getByRole('toolbar', { name: 'Facilitation' });
        await bar.getByRole('button', { name: running ? 'Pause' : 'Start timer' }).waitFor();
        expect.soft(await barLines(facilitator.page), `the bar at ${width} px with the timer ${running ? 'running' : 'idle'}`).toBe(1);
        await facilitator.page.screenshot({ path: path.join(shots, `facilitator-bar-${width}-${running ? 'running' : 'idle'}.png`) });
        await bar.getByRole('button', { name: running ? 'Clear timer' : 'Start timer' }).click();
      }
    }
    await facilitator.page.getByRole('button', { name: 'More', exact: true }).click();
    await facilitator.page.screenshot({ path: path.join(shots, 'facilitator-bar-1280.png') });
    await facilitator.page.getByRole('button', { name: 'Projector', exact: true }).click();
    await facilitator.page.screenshot({ path: path.join(shots, 'facilitator-bar-1280-projector.png') });
    // On a phone the bar wraps, and nothing in it runs off the screen.
    await facilitator.page.setViewportSize(PHONE);
    await facilitator.page.keyboard.press('Escape');
    expect.soft(await facilitator.page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await facilitator.page.screenshot({ path: path.join(shots, 'facilitator-phone.png') });
    control.destroy();
    await Promise.all([facilitator.context.close(), phone.context.close()]);
  });
});

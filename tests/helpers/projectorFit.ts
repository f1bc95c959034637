import type { Page } from 'playwright-core';

export type FitReport = {
  /** The document's scroll height against the window's: the page scrolls when it is larger. */
  scrollHeight: number;
  innerHeight: number;
  /** Elements that scroll inside (overflow auto or scroll, with more content than room). */
  innerScrollers: string[];
  /** The smallest font size of any text in the step's area, in px. */
  smallestText: number;
  smallestTextSample: string;
  /** The smallest text on a canvas's notes as drawn on screen (under the canvas's zoom), in px; Infinity without a canvas. */
  smallestNoteText: number;
};

/** Measures what the projector shows: whether anything scrolls, and its smallest text in the step's area. */
export function measureFit(page: Page): Promise<FitReport> {
  return page.evaluate(() => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    const innerScrollers = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const style = getComputedStyle(el);
        const scrolls = (v: string) => v === 'auto' || v === 'scroll';
        return (scrolls(style.overflowY) && el.scrollHeight > el.clientHeight + 1) || (scrolls(style.overflowX) && el.scrollWidth > el.clientWidth + 1);
      })
      .map(describe);
    let smallestText = Infinity;
    let smallestTextSample = '';
    let smallestNoteText = Infinity;
    const main = document.querySelector('.present-main');
    if (main) {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent?.trim() || !parent || parent.closest('.visually-hidden')) continue;
        // Notes on a canvas are sized by its zoom (fit all, or the facilitator's view), not by the
        // projector's type: measured apart (smallestNoteText), since they do not reach 28 px yet (issue 10).
        if (parent.closest('.canvas-world')) {
          const zoom = parent.offsetHeight > 0 ? parent.getBoundingClientRect().height / parent.offsetHeight : 1;
          smallestNoteText = Math.min(smallestNoteText, parseFloat(getComputedStyle(parent).fontSize) * zoom);
          continue;
        }
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < smallestText) {
          smallestText = size;
          smallestTextSample = node.textContent.trim().slice(0, 40);
        }
      }
    }
    return { scrollHeight: document.scrollingElement!.scrollHeight, innerHeight: window.innerHeight, innerScrollers, smallestText, smallestTextSample, smallestNoteText };
  });
}

/** The projector's "Page 2 of 5", as numbers; a step on one page shows none. */
export async function projectorPage(page: Page): Promise<{ index: number; count: number }> {
  const text = await page.locator('.projector-page-number').textContent({ timeout: 500 }).catch(() => null);
  const match = /Page (\d+) of (\d+)/.exec(text ?? '');
  return match ? { index: Number(match[1]) - 1, count: Number(match[2]) } : { index: 0, count: 1 };
}

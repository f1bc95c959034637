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
  /** The smallest text on the part of a canvas on screen, as drawn (under the canvas's zoom), in px; Infinity without a canvas. */
  smallestNoteText: number;
  smallestNoteSample: string;
  /** The canvas's notes wholly on screen, by id, and how many it draws in all (on this page or another). */
  notesShown: string[];
  notesDrawn: number;
  /** Text cut through a line (half a line showing) rather than clamped to whole lines: the first words of each. */
  cutText: string[];
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
    let smallestNoteSample = '';
    const viewport = document.querySelector('.canvas-viewport')?.getBoundingClientRect();
    const onScreen = (r: DOMRect) => !!viewport && r.right > viewport.left && r.left < viewport.right && r.bottom > viewport.top && r.top < viewport.bottom;
    const whole = (r: DOMRect) => !!viewport && r.left >= viewport.left - 1 && r.right <= viewport.right + 1 && r.top >= viewport.top - 1 && r.bottom <= viewport.bottom + 1;
    const notes = [...document.querySelectorAll<HTMLElement>('.canvas-world [data-note-id]')];
    // A faint note at the page's edge belongs to the next or last page: not shown on this one.
    const notesShown = notes.filter((n) => !n.classList.contains('is-off-page') && whole(n.getBoundingClientRect())).map((n) => n.dataset.noteId!);
    const main = document.querySelector('.present-main');
    // A box that hides its overflow shows whole lines only when its height is a whole number of them
    // (a clamp, "…"); squeezed by its page, it cuts the last line through the middle.
    const cutText: string[] = [];
    // A line of text half under the bottom edge of a box that hides what overflows it is cut too.
    const hiddenBottom = (el: HTMLElement) => {
      for (let box = el.parentElement; box && box !== main; box = box.parentElement) {
        if (getComputedStyle(box).overflowY !== 'visible') return box.getBoundingClientRect().top + box.clientTop + box.clientHeight;
      }
      return Infinity;
    };
    for (const el of main ? [...main.querySelectorAll<HTMLElement>('*')] : []) {
      if (el.closest('.canvas-world, .visually-hidden')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!ownText) continue;
      const style = getComputedStyle(el);
      const lineHeight = parseFloat(style.lineHeight);
      const rect = el.getBoundingClientRect();
      const edge = hiddenBottom(el);
      if (rect.top < edge - 1 && rect.bottom > edge + 1) cutText.push(el.textContent!.trim().slice(0, 40));
      else if (style.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1 && Number.isFinite(lineHeight)) {
        const lines = (el.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)) / lineHeight;
        if (Math.abs(lines - Math.round(lines)) > 0.15) cutText.push(el.textContent!.trim().slice(0, 40));
      }
    }
    if (main) {
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!node.textContent?.trim() || !parent || parent.closest('.visually-hidden')) continue;
        // Text on a canvas is sized by its zoom (the projector's page, or the facilitator's view), not
        // by the projector's type: measured as drawn, where it is on screen (other pages are off it).
        if (parent.closest('.canvas-world')) {
          const rect = parent.getBoundingClientRect();
          if (!onScreen(rect)) continue;
          const zoom = parent.offsetHeight > 0 ? rect.height / parent.offsetHeight : 1;
          const drawn = parseFloat(getComputedStyle(parent).fontSize) * zoom;
          if (drawn < smallestNoteText) {
            smallestNoteText = drawn;
            smallestNoteSample = node.textContent.trim().slice(0, 40);
          }
          continue;
        }
        const size = parseFloat(getComputedStyle(parent).fontSize);
        if (size < smallestText) {
          smallestText = size;
          smallestTextSample = node.textContent.trim().slice(0, 40);
        }
      }
    }
    return {
      scrollHeight: document.scrollingElement!.scrollHeight,
      innerHeight: window.innerHeight,
      innerScrollers,
      smallestText,
      smallestTextSample,
      smallestNoteText,
      smallestNoteSample,
      notesShown,
      notesDrawn: notes.length,
      cutText,
    };
  });
}

/** The projector's "Page 2 of 5", as numbers; a step on one page shows none. */
export async function projectorPage(page: Page): Promise<{ index: number; count: number }> {
  const text = await page.locator('.projector-page-number').textContent({ timeout: 500 }).catch(() => null);
  const match = /Page (\d+) of (\d+)/.exec(text ?? '');
  return match ? { index: Number(match[1]) - 1, count: Number(match[2]) } : { index: 0, count: 1 };
}

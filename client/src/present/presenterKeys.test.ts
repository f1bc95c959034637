import { describe, expect, it } from 'vitest';
import { presenterMove } from './presenterKeys.ts';

describe('Present mode keys', () => {
  it.each([
    ['→ on a one-page step moves the group on', 'ArrowRight', 0, 1, 'context', { kind: 'step', to: 'draft' }],
    ['← on a one-page step moves the group back', 'ArrowLeft', 0, 1, 'draft', { kind: 'step', to: 'context' }],
    ['→ turns the page while there is one', 'ArrowRight', 1, 6, 'refine', { kind: 'page', to: 2 }],
    ['→ on the last page moves the group on', 'ArrowRight', 5, 6, 'refine', { kind: 'step', to: 'summary' }],
    ['← on the first page moves the group back', 'ArrowLeft', 0, 6, 'refine', { kind: 'step', to: 'brainstorm' }],
    ['← turns back a page', 'ArrowLeft', 3, 5, 'summary', { kind: 'page', to: 2 }],
    ['Page Down works as →', 'PageDown', 0, 2, 'park', { kind: 'page', to: 1 }],
    ['nothing after the Summary’s last page', 'ArrowRight', 4, 5, 'summary', null],
    ['nothing before the first step', 'ArrowLeft', 0, 1, 'context', null],
    ['Esc leaves Present mode', 'Escape', 2, 6, 'refine', { kind: 'exit' }],
    ['other keys do nothing', 'a', 0, 1, 'context', null],
  ] as const)('%s', (_name, key, page, pageCount, step, move) => {
    expect(presenterMove(key, page, pageCount, step)).toEqual(move);
  });
});

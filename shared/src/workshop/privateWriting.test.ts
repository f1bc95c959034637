import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROL } from '../schema/index.ts';
import { isPrivateWriting } from './privateWriting.ts';

describe('isPrivateWriting', () => {
  it.each([
    ['on by default', {}, 'draft', true],
    ['off once turned off', { draft: false }, 'draft', false],
    ['on when turned back on', { draft: true }, 'draft', true],
    ['per step: the other step keeps its default', { draft: false }, 'brainstorm', true],
  ] as const)('%s', (_name, privateWriting, step, expected) => {
    expect(isPrivateWriting({ ...DEFAULT_CONTROL, privateWriting }, step)).toBe(expected);
  });
});

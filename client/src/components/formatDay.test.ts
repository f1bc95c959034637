import { describe, expect, it } from 'vitest';
import { formatDay } from './formatDay.ts';

describe('formatDay', () => {
  it.each([
    ['a stored day', '2026-09-30', new Date(2026, 8, 30, 12).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })],
    ['the first of a month stays on it', '2026-01-01', new Date(2026, 0, 1, 12).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })],
    ['not a day: as written', 'end of Q3', 'end of Q3'],
    ['an impossible day: as written', '2026-13-45', '2026-13-45'],
    ['a timestamp is not a day: as written', '2026-09-30T10:00:00Z', '2026-09-30T10:00:00Z'],
  ])('%s', (_name, input, expected) => {
    expect(formatDay(input)).toBe(expected);
  });
});

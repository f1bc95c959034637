import { describe, expect, it } from 'vitest';
import { isRevisitOverdue, localDay } from './revisit.ts';

describe('isRevisitOverdue', () => {
  it.each([
    ['yesterday', '2026-07-02', true],
    ['last year', '2025-12-31', true],
    ['today', '2026-07-03', false],
    ['tomorrow', '2026-07-04', false],
    ['no date', undefined, false],
    ['an export\'s null', null, false],
  ])('%s is %s', (_when, date, overdue) => {
    expect(isRevisitOverdue(date, '2026-07-03')).toBe(overdue);
  });
});

describe('localDay', () => {
  it('is the calendar day on this device, padded', () => {
    expect(localDay(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

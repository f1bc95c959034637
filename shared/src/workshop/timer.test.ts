import { describe, expect, it } from 'vitest';
import { estimateClockOffset, extendTimer, formatRemaining, IDLE_TIMER, pauseTimer, remainingMs, resetTimer, resumeTimer, startTimer } from './timer.ts';

describe('timer in server time', () => {
  const t0 = 1_000_000;
  it.each([
    ['running counts down', startTimer(60_000, t0), t0 + 15_000, 45_000],
    ['never below zero', startTimer(60_000, t0), t0 + 90_000, 0],
    ['paused keeps what was left', pauseTimer(startTimer(60_000, t0), t0 + 20_000), t0 + 999_999, 40_000],
    ['resumed continues from there', resumeTimer(pauseTimer(startTimer(60_000, t0), t0 + 20_000), t0 + 100_000), t0 + 110_000, 30_000],
    ['extended while running', extendTimer(startTimer(60_000, t0), 60_000, t0 + 10_000), t0 + 10_000, 110_000],
    ['extended after running out', extendTimer(startTimer(60_000, t0), 60_000, t0 + 120_000), t0 + 130_000, 50_000],
    ['extended while paused stays paused', extendTimer(pauseTimer(startTimer(60_000, t0), t0), 60_000, t0 + 5_000), t0 + 50_000, 120_000],
    ['reset goes back to the full duration, paused', resetTimer(startTimer(60_000, t0)), t0 + 30_000, 60_000],
    ['idle shows nothing', IDLE_TIMER, t0, 0],
  ])('%s', (_name, timer, now, expected) => {
    expect(remainingMs(timer, now)).toBe(expected);
  });

  it.each([
    [245_000, '4:05'],
    [0, '0:00'],
    [1, '0:01'],
    [600_000, '10:00'],
  ])('formats %i ms as %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('clock offset', () => {
  it.each([
    ['no samples', [], 0],
    ['a device 3 minutes behind', [{ sentAt: 1000, serverTime: 181_050, receivedAt: 1100 }], 180_000],
    ['a device 2 minutes ahead', [{ sentAt: 200_000, serverTime: 80_010, receivedAt: 200_020 }], -120_000],
    [
      'picks the sample with the shortest round trip',
      [
        { sentAt: 0, serverTime: 10_900, receivedAt: 1000 },
        { sentAt: 2000, serverTime: 12_010, receivedAt: 2020 },
      ],
      10_000,
    ],
  ])('%s', (_name, samples, offset) => {
    expect(estimateClockOffset(samples)).toBe(offset);
  });
});

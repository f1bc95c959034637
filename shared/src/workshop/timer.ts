import type { Timer } from '../schema/index.ts';

/** Everything is in server time: clients add their estimated clock offset to Date.now(). */
export const IDLE_TIMER: Timer = { status: 'idle', durationMs: 0, remainingMs: 0 };

export function startTimer(durationMs: number, serverNow: number): Timer {
  return { status: 'running', durationMs, remainingMs: durationMs, endsAt: serverNow + durationMs };
}

export function remainingMs(timer: Timer, serverNow: number): number {
  if (timer.status === 'running' && timer.endsAt !== undefined) return Math.max(0, timer.endsAt - serverNow);
  return timer.remainingMs;
}

export function pauseTimer(timer: Timer, serverNow: number): Timer {
  if (timer.status !== 'running') return timer;
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: remainingMs(timer, serverNow) };
}

export function resumeTimer(timer: Timer, serverNow: number): Timer {
  if (timer.status !== 'paused') return timer;
  return { status: 'running', durationMs: timer.durationMs, remainingMs: timer.remainingMs, endsAt: serverNow + timer.remainingMs };
}

/** Adds time whatever the state; a timer that already ran out starts again with the extra time. */
export function extendTimer(timer: Timer, extraMs: number, serverNow: number): Timer {
  const left = remainingMs(timer, serverNow) + extraMs;
  const durationMs = timer.durationMs + extraMs;
  if (timer.status === 'running') return { status: 'running', durationMs, remainingMs: left, endsAt: serverNow + left };
  return { status: timer.status === 'idle' ? 'paused' : timer.status, durationMs, remainingMs: left };
}

export function resetTimer(timer: Timer): Timer {
  return { status: 'paused', durationMs: timer.durationMs, remainingMs: timer.durationMs };
}

/** "4:05" for 245 seconds; rounds up so 0:00 shows only when time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

export type ClockSample = { sentAt: number; serverTime: number; receivedAt: number };

/**
 * The server clock minus this device's clock, from request/response samples: the sample with the
 * shortest round trip is the least distorted by network delay (as NTP does).
 */
export function estimateClockOffset(samples: readonly ClockSample[]): number {
  if (samples.length === 0) return 0;
  const best = [...samples].sort((a, b) => a.receivedAt - a.sentAt - (b.receivedAt - b.sentAt))[0]!;
  return best.serverTime - (best.sentAt + best.receivedAt) / 2;
}

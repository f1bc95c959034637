import { useEffect, useRef, useState } from 'react';
import type { Timer } from '@okr/shared/schema';
import { remainingMs } from '@okr/shared/workshop';
import { serverNow, useServerClock } from '../sync/serverClock.ts';

/** Milliseconds left on the shared timer, in server time, updated a few times a second while running. */
export function useRemaining(timer: Timer): number {
  useServerClock();
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    setNow(serverNow());
    if (timer.status !== 'running') return;
    const id = setInterval(() => setNow(serverNow()), 250);
    return () => clearInterval(id);
  }, [timer]);
  return remainingMs(timer, now);
}

/** Calls `onZero` once each time a running timer reaches zero. */
export function useOnTimerZero(timer: Timer, remaining: number, onZero: () => void): void {
  const fired = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (timer.status === 'running' && remaining === 0 && fired.current !== timer.endsAt) {
      fired.current = timer.endsAt;
      onZero();
    }
  }, [timer, remaining, onZero]);
}

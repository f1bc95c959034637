import { useEffect, useState } from 'react';
import { estimateClockOffset, type ClockSample } from '@okr/shared/workshop';

let offsetMs = 0;
let started = false;
const listeners = new Set<() => void>();

/** Samples GET /api/time a few times and keeps the least-delayed estimate of server minus local time. */
async function measure(samples = 5): Promise<void> {
  const collected: ClockSample[] = [];
  for (let i = 0; i < samples; i++) {
    try {
      const sentAt = Date.now();
      const res = await fetch('/api/time', { cache: 'no-store' });
      const receivedAt = Date.now();
      const body = (await res.json()) as { now: number };
      if (typeof body.now === 'number') collected.push({ sentAt, serverTime: body.now, receivedAt });
    } catch {
      // Offline: keep the last estimate; the next measurement corrects it.
    }
  }
  if (collected.length > 0) {
    offsetMs = estimateClockOffset(collected);
    listeners.forEach((listener) => listener());
  }
}

/** Server time now, as this device best knows it. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/** Starts measuring once per page (and again every few minutes, as clocks drift); re-renders on a new estimate. */
export function useServerClock(): void {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    if (!started) {
      started = true;
      void measure();
      setInterval(() => void measure(3), 5 * 60_000);
    }
    return () => {
      listeners.delete(listener);
    };
  }, []);
}

/**
 * Calls `fn` at most once per `intervalMs` with the latest arguments: the first call at once, the
 * last one of a burst when the interval ends (so the final cursor position is never lost).
 * `cancel` drops a pending call.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number, now: () => number = () => Date.now()) {
  let last = -Infinity;
  let pending: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    const args = pending;
    pending = null;
    last = now();
    fn(...args);
  };
  const call = (...args: A) => {
    pending = args;
    const wait = last + intervalMs - now();
    if (wait <= 0 && !timer) flush();
    else if (!timer) timer = setTimeout(flush, Math.max(0, wait));
  };
  call.cancel = () => {
    pending = null;
    if (timer) clearTimeout(timer);
    timer = null;
  };
  return call;
}

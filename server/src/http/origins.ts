/** With no allow-list every origin may connect; otherwise a browser's Origin must be on it. Non-browser clients send none. */
export function isOriginAllowed(origin: string | undefined, allowed: readonly string[]): boolean {
  if (allowed.length === 0 || origin === undefined) return true;
  return allowed.includes(origin);
}

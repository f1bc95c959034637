/** Schemes a context card's link opens with; anything else a writer put there shows as text. */
const OPENABLE = new Set(['http:', 'https:', 'mailto:']);

/**
 * How a context card shows its link: an address to open and what to call it, or null when it must
 * not be opened. The board's schema takes any URL (older cards hold `mailto:` and app links), so a
 * participant's modified client can write `javascript://wiki.example.com/%0a…`, whose host reads
 * like a wiki: only http, https and mailto become a link; the rest is shown, never followed.
 * `openableLink('https://wiki.example.com/a')` is `{ href: 'https://wiki.example.com/a', label: 'wiki.example.com' }`.
 */
export function openableLink(link: string): { href: string; label: string } | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (!OPENABLE.has(url.protocol)) return null;
  return { href: url.href, label: url.protocol === 'mailto:' ? url.pathname : url.hostname };
}

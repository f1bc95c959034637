import type { ServerResponse } from 'node:http';

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Only the app itself: its scripts, styles, images (QR codes are data: URLs) and its own
 * websocket. Older browsers do not count ws: as 'self', so the sync socket's host is named.
 */
export function contentSecurityPolicy(host?: string): string {
  const sockets = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${sockets}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers every HTTP response carries, refused websocket upgrades and parse errors included. */
export function securityHeaders(host?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(host),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

export function setSecurityHeaders(res: ServerResponse, host?: string): void {
  for (const [name, value] of Object.entries(securityHeaders(host))) res.setHeader(name, value);
}

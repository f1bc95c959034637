import type { Duplex } from 'node:stream';
import { HttpError, writeRawError } from './json.ts';

/** A refused websocket upgrade is a plain HTTP response: JSON, with the same security headers as every other one. */
export function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const retryAfter: Record<number, string> = { 429: '60', 503: '5' };
  const headers: Record<string, string> = retryAfter[status] ? { 'Retry-After': retryAfter[status] } : {};
  writeRawError(socket, new HttpError(status, status === 404 ? 'not_found' : 'refused', message, headers));
}

import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { securityHeaders } from './securityHeaders.ts';

/** An error the HTTP API answers with: status, a stable code, and what the caller can do. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function methodNotAllowed(allowed: string): HttpError {
  return new HttpError(405, 'method_not_allowed', `Use ${allowed.replace(', ', ' or ')} on this route.`, { Allow: allowed });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.code, message: error.message }, error.headers);
}

/**
 * A JSON error written straight to a socket, for requests that never became a ServerResponse
 * (refused websocket upgrades, requests Node could not parse): same shape, same security headers.
 */
export function writeRawError(socket: Duplex, error: HttpError): void {
  const body = JSON.stringify({ error: error.code, message: error.message });
  const headers = {
    ...securityHeaders(),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    'Cache-Control': 'no-store',
    ...error.headers,
    Connection: 'close',
  };
  const head = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  socket.end(`HTTP/1.1 ${error.status} ${STATUS_CODES[error.status] ?? 'Error'}\r\n${head}\r\n${body}`);
}

function tooLarge(limit: number): HttpError {
  // The rest of the body is not read: closing the connection after the answer is cheaper than draining it.
  return new HttpError(413, 'body_too_large', `Request bodies are limited to ${limit} bytes.`, { Connection: 'close' });
}

/** Reads a JSON body of at most `limit` bytes; an empty body reads as `{}`. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const text = await new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        // Stop reading without destroying the socket, so the 413 still reaches the client.
        req.off('data', onData);
        req.pause();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8').trim()));
    req.once('error', reject);
  });
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
  }
}

import pino, { type Logger } from 'pino';

/** Structured JSON logs. Keys are never logged on purpose; redaction is the safety net if one ever is. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    redact: { paths: ['key', 'facilitatorKey', 'viewerKey', '*.key', '*.facilitatorKey', '*.viewerKey', 'req.headers.authorization'], censor: '[redacted]' },
  });
}

import path from 'node:path';
import { z } from 'zod';

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Every setting comes from the environment; README "Configuration" documents each one. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('localhost'),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a room nobody is in stays in memory before it is flushed and unloaded. */
  ROOM_IDLE_MS: int(30_000),
  /** Largest websocket message accepted; a bigger one closes that connection only. */
  MAX_MESSAGE_BYTES: int(1024 * 1024),
  /** A room's document may not grow past this; further edits are refused. */
  MAX_DOC_BYTES: int(20 * 1024 * 1024),
  MAX_CONNECTIONS_PER_ROOM: int(250),
  MAX_CONNECTIONS_PER_IP_PER_MINUTE: int(600),
  MAX_ROOMS_LOADED: int(2000),
  MAX_HTTP_BODY_BYTES: int(1024 * 1024),
  /** A client whose unsent data passes this is too slow to keep up and is disconnected. */
  MAX_BUFFERED_BYTES: int(16 * 1024 * 1024),
  PING_INTERVAL_MS: int(30_000),
  /** Log entries appended to a document before it is compacted into one snapshot. */
  COMPACT_AFTER_UPDATES: int(500),
  /** Comma-separated origins allowed for websocket and API requests; empty allows any. */
  ALLOWED_ORIGINS: z.string().default(''),
  CLIENT_DIR: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  roomIdleMs: number;
  maxMessageBytes: number;
  maxDocBytes: number;
  maxConnectionsPerRoom: number;
  maxConnectionsPerIpPerMinute: number;
  maxRoomsLoaded: number;
  maxHttpBodyBytes: number;
  maxBufferedBytes: number;
  pingIntervalMs: number;
  compactAfterUpdates: number;
  allowedOrigins: string[];
  clientDir: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the configuration; an invalid value names the variable and what it must be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${problems}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    roomIdleMs: e.ROOM_IDLE_MS,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxDocBytes: e.MAX_DOC_BYTES,
    maxConnectionsPerRoom: e.MAX_CONNECTIONS_PER_ROOM,
    maxConnectionsPerIpPerMinute: e.MAX_CONNECTIONS_PER_IP_PER_MINUTE,
    maxRoomsLoaded: e.MAX_ROOMS_LOADED,
    maxHttpBodyBytes: e.MAX_HTTP_BODY_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    pingIntervalMs: e.PING_INTERVAL_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    clientDir: path.resolve(e.CLIENT_DIR ?? new URL('../../client/dist', import.meta.url).pathname),
    ...overrides,
  };
}

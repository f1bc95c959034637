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
  /**
   * A room's document may not grow past this; further additions are refused (deletions and the
   * facilitator's edits pass). Well below MAX_BUFFERED_BYTES, so a slow joiner still receives it.
   */
  MAX_DOC_BYTES: int(8 * 1024 * 1024),
  MAX_CONNECTIONS_PER_ROOM: int(250),
  MAX_CONNECTIONS_PER_IP_PER_MINUTE: int(600),
  /**
   * Updates an address may have rolled back per minute (out of the schema, or failing to
   * integrate): each rebuilds the room's document, so past it that address's new connections wait.
   */
  MAX_REFUSED_UPDATES_PER_IP_PER_MINUTE: int(20),
  MAX_ROOMS_LOADED: int(2000),
  MAX_HTTP_BODY_BYTES: int(1024 * 1024),
  /** A client whose unsent data passes this is too slow to keep up and is disconnected. */
  MAX_BUFFERED_BYTES: int(16 * 1024 * 1024),
  PING_INTERVAL_MS: int(30_000),
  /** A relay turn (messages received, stored, sent) slower than this is logged at warn with where its time went. */
  SLOW_TURN_MS: int(100),
  /** Log entries appended to a document before it is compacted into one snapshot. */
  COMPACT_AFTER_UPDATES: int(500),
  /** Bytes one connection may add to a document per minute; past it, its reading is paused (not the room's). */
  MAX_EDIT_BYTES_PER_MINUTE: int(2 * 1024 * 1024),
  /** Largest presence state of one person; a bigger one closes that connection. */
  MAX_PRESENCE_BYTES: int(8 * 1024),
  /**
   * Presence state bytes one connection may have broadcast per second (a second's worth at once):
   * each turn sends every changed state's newest; past the budget a sender's newest state waits.
   */
  PRESENCE_BYTES_PER_SECOND: int(16 * 1024),
  /**
   * Shared mode: presence bytes one room may publish to the bus per second from one instance (a
   * second's worth at once); past it the room's newest states wait for the refill.
   */
  PRESENCE_BUS_BYTES_PER_SECOND: int(128 * 1024),
  /** Rooms one address may create per hour (429 with Retry-After past it). */
  MAX_ROOMS_CREATED_PER_IP_PER_HOUR: int(60),
  /** When set, POST /api/rooms needs `Authorization: Bearer <token>`. */
  CREATE_ROOM_TOKEN: z.string().min(1).optional(),
  /** Rooms with no edit for this many days are deleted; unset keeps rooms for good. */
  ROOM_RETENTION_DAYS: z.coerce.number().positive().optional(),
  /** Rooms one address may hold loaded at once (1013 past it). */
  MAX_ROOMS_LOADED_PER_IP: int(200),
  /** Connections one address may hold to one room document (4529 past it). */
  MAX_CONNECTIONS_PER_ROOM_PER_IP: int(100),
  /** Comma-separated origins allowed for websocket and API requests; empty allows any. */
  ALLOWED_ORIGINS: z.string().default(''),
  CLIENT_DIR: z.string().optional(),
  /** Shared mode (with REDIS_URL): rooms and documents in PostgreSQL, e.g. postgres://okr@db/okr. */
  DATABASE_URL: z.string().min(1).optional(),
  /** Shared mode (with DATABASE_URL): updates and presence cross instances over Redis, e.g. redis://cache:6379. */
  REDIS_URL: z.string().min(1).optional(),
  /** This instance's name in logs and on the bus; a random one when unset. */
  INSTANCE_ID: z.string().regex(/^[\w.-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64').optional(),
});

/** Where rooms live: this machine's SQLite file, or PostgreSQL and Redis shared by several instances. */
export type StorageMode = { kind: 'sqlite' } | { kind: 'shared'; databaseUrl: string; redisUrl: string; instanceId: string };

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
  maxRefusedUpdatesPerIpPerMinute: number;
  maxRoomsLoaded: number;
  maxHttpBodyBytes: number;
  maxBufferedBytes: number;
  pingIntervalMs: number;
  compactAfterUpdates: number;
  slowTurnMs: number;
  maxEditBytesPerMinute: number;
  maxPresenceBytes: number;
  presenceBytesPerSecond: number;
  presenceBusBytesPerSecond: number;
  maxRoomsCreatedPerIpPerHour: number;
  createRoomToken: string | undefined;
  roomRetentionDays: number | undefined;
  maxRoomsLoadedPerIp: number;
  maxConnectionsPerRoomPerIp: number;
  allowedOrigins: string[];
  clientDir: string;
  storage: StorageMode;
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
  // The facilitator may pass MAX_DOC_BYTES by a quarter (cleaning up, rewording); a joiner's full
  // board must still fit the send buffer with room to spare, or a slow link could never join.
  if (e.MAX_DOC_BYTES * 2 > e.MAX_BUFFERED_BYTES) {
    throw new ConfigError(`Invalid environment: MAX_DOC_BYTES (${e.MAX_DOC_BYTES}) must be at most half of MAX_BUFFERED_BYTES (${e.MAX_BUFFERED_BYTES})`);
  }
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
    maxRefusedUpdatesPerIpPerMinute: e.MAX_REFUSED_UPDATES_PER_IP_PER_MINUTE,
    maxRoomsLoaded: e.MAX_ROOMS_LOADED,
    maxHttpBodyBytes: e.MAX_HTTP_BODY_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    pingIntervalMs: e.PING_INTERVAL_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    slowTurnMs: e.SLOW_TURN_MS,
    maxEditBytesPerMinute: e.MAX_EDIT_BYTES_PER_MINUTE,
    maxPresenceBytes: e.MAX_PRESENCE_BYTES,
    presenceBytesPerSecond: e.PRESENCE_BYTES_PER_SECOND,
    presenceBusBytesPerSecond: e.PRESENCE_BUS_BYTES_PER_SECOND,
    maxRoomsCreatedPerIpPerHour: e.MAX_ROOMS_CREATED_PER_IP_PER_HOUR,
    createRoomToken: e.CREATE_ROOM_TOKEN,
    roomRetentionDays: e.ROOM_RETENTION_DAYS,
    maxRoomsLoadedPerIp: e.MAX_ROOMS_LOADED_PER_IP,
    maxConnectionsPerRoomPerIp: e.MAX_CONNECTIONS_PER_ROOM_PER_IP,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    clientDir: path.resolve(e.CLIENT_DIR ?? new URL('../../client/dist', import.meta.url).pathname),
    storage: storageMode(e.DATABASE_URL, e.REDIS_URL, e.INSTANCE_ID),
    ...overrides,
  };
}

/** Neither URL: SQLite. Both: shared mode. One alone is a mistake that would silently split the rooms: refuse it. */
export function storageMode(databaseUrl: string | undefined, redisUrl: string | undefined, instanceId?: string): StorageMode {
  if (databaseUrl === undefined && redisUrl === undefined) return { kind: 'sqlite' };
  if (databaseUrl === undefined) throw new ConfigError('Invalid environment: REDIS_URL is set but DATABASE_URL is not; shared mode needs both (or neither, for SQLite)');
  if (redisUrl === undefined) throw new ConfigError('Invalid environment: DATABASE_URL is set but REDIS_URL is not; shared mode needs both (or neither, for SQLite)');
  return { kind: 'shared', databaseUrl, redisUrl, instanceId: instanceId ?? `okr-${process.pid}-${Math.random().toString(36).slice(2, 8)}` };
}

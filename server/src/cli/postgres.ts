import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { PgCatalog } from '../store/postgres/pgCatalog.ts';
import { PgDocLog } from '../store/postgres/pgDocLog.ts';
import { PgVersions } from '../store/postgres/pgVersions.ts';
import { PgRetention } from '../store/postgres/pgRetention.ts';
import { migrate } from '../store/postgres/schema.ts';
import { CliError } from './cliError.ts';

/** A statement of the tool's waits at most this long: the instances' own commits must not queue behind it. */
const STATEMENT_TIMEOUT_MS = 5_000;

export type SharedDatabase = { pool: pg.Pool; catalog: PgCatalog; docLog: PgDocLog; versions: PgVersions; retention: PgRetention };

/**
 * The shared-mode database when DATABASE_URL is set: the commands then act on the rooms the
 * instances serve, while they run. Writes go through the same tables and transactions the
 * instances use (the log for documents, `keys_changed_at` for keys), which each instance polls
 * every 500 ms, so the tool never needs Redis and never writes behind their back.
 */
export function sharedDatabaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const url = env.DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

/** The settings the tool reads (DATA_DIR, PORT, PUBLIC_URL, ROOM_RETENTION_DAYS). With DATABASE_URL set it needs no REDIS_URL, unlike a server. */
export function toolConfig(env: NodeJS.ProcessEnv): Config {
  return loadConfig(sharedDatabaseUrl(env) === undefined ? env : { ...env, DATABASE_URL: undefined, REDIS_URL: undefined });
}

/**
 * Runs `use` on a small pool of the database at `url`. `createTables` makes shared mode's tables
 * when missing (`okr import` into a database no instance has used yet); otherwise a database
 * without them is reported as such rather than as a failed query.
 */
export async function withPostgres<T>(url: string, use: (db: SharedDatabase) => Promise<T>, options: { createTables?: boolean } = {}): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000, options: `-c statement_timeout=${STATEMENT_TIMEOUT_MS}` });
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1').catch((err: Error) => {
      throw new CliError(`cannot reach PostgreSQL at ${redact(url)}: ${err.message}`);
    });
    if (options.createTables) await migrate(pool);
    return await use({ pool, catalog: new PgCatalog(pool), docLog: new PgDocLog(pool, STATEMENT_TIMEOUT_MS), versions: new PgVersions(pool), retention: new PgRetention(pool) }).catch((err: unknown) => {
      if ((err as { code?: unknown }).code === UNDEFINED_TABLE) {
        throw new CliError(`${redact(url)} holds no shared-mode rooms yet (its tables are missing): start an instance on it, or copy rooms in with "okr migrate --to …"`);
      }
      throw err;
    });
  } finally {
    await pool.end();
  }
}

const UNDEFINED_TABLE = '42P01';

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

import pg from 'pg';
import { PgCatalog } from '../store/postgres/pgCatalog.ts';
import { PgDocLog } from '../store/postgres/pgDocLog.ts';
import { PgVersions } from '../store/postgres/pgVersions.ts';
import { CliError } from './cliError.ts';

/** A statement of the tool's waits at most this long: the instances' own commits must not queue behind it. */
const STATEMENT_TIMEOUT_MS = 5_000;

export type SharedDatabase = { catalog: PgCatalog; docLog: PgDocLog; versions: PgVersions };

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

export async function withPostgres<T>(url: string, use: (db: SharedDatabase) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 5_000, options: `-c statement_timeout=${STATEMENT_TIMEOUT_MS}` });
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1').catch((err: Error) => {
      throw new CliError(`cannot reach PostgreSQL at ${redact(url)}: ${err.message}`);
    });
    return await use({ catalog: new PgCatalog(pool), docLog: new PgDocLog(pool, STATEMENT_TIMEOUT_MS), versions: new PgVersions(pool) });
  } finally {
    await pool.end();
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

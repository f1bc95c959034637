import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../bench/servers.ts';

/** Debian's PostgreSQL binaries (package `postgresql`, newest version installed); PG_BIN overrides. */
export const PG_BIN = process.env.PG_BIN ?? newestPgBin();
export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const MISSING = 'shared-mode tests need PostgreSQL and Redis: `sudo apt-get install -y postgresql redis-server` (or set PG_BIN and REDIS_SERVER)';
const IS_ROOT = process.getuid?.() === 0;

function newestPgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return path.join(root, newest ?? 'missing', 'bin');
}

async function waitFor(what: string, check: () => Promise<boolean>, output: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up in ${timeoutMs} ms:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Runs a PostgreSQL binary, as the `postgres` user when we are root (initdb and postgres refuse root), after `prefix` (taskset). */
function pgCommand(binary: string, args: string[], prefix: string[] = []): [string, string[]] {
  const full = path.join(PG_BIN, binary);
  const command = IS_ROOT ? ['runuser', '-u', 'postgres', '--', full, ...args] : [full, ...args];
  const [first, ...rest] = [...prefix, ...command];
  return [first!, rest];
}

/** How an engine process is started: `prefix` goes before its command (the benchmarks pin it with taskset). */
export type EngineOptions = { prefix?: string[] };

export type Postgres = {
  url: string;
  port: number;
  /** The process started for the server (its backends are its descendants), while it runs. */
  pid: () => number | undefined;
  /** `pg_ctl stop -m immediate`: every backend dies without a checkpoint, as in a crash. */
  stopImmediate: () => Promise<void>;
  start: () => Promise<void>;
  query: <T extends pg.QueryResultRow>(sql: string, params?: unknown[]) => Promise<T[]>;
  stop: () => Promise<void>;
};

/** A throwaway PostgreSQL cluster in a temp directory on a free loopback port; `stop` removes it. */
export async function startPostgres(options: EngineOptions = {}): Promise<Postgres> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) throw new Error(MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-pg-'));
  if (IS_ROOT) spawnSync('chown', ['postgres', dir]);
  const data = path.join(dir, 'data');
  const [initCmd, initArgs] = pgCommand('initdb', ['-D', data, '-A', 'trust', '-U', 'okr', '--no-sync', '-E', 'UTF8']);
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}${init.stdout}`);
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    // fsync off: these tests kill processes, not the machine; what a commit wrote is in the page cache.
    const [cmd, args] = pgCommand('postgres', ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'max_connections=200'], options.prefix);
    child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    await waitFor('postgres', async () => {
      const client = new pg.Client({ connectionString: url, database: 'postgres' });
      await client.connect();
      await client.end();
      return true;
    }, () => output);
  };
  const url = `postgres://okr@127.0.0.1:${port}/postgres`;
  await start();
  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end();
    }
  };
  const stopImmediate = async () => {
    const [cmd, args] = pgCommand('pg_ctl', ['stop', '-D', data, '-m', 'immediate']);
    spawnSync(cmd, args);
    if (child) await exited(child);
  };
  return {
    url,
    port,
    pid: () => child?.pid,
    query,
    start,
    stopImmediate,
    stop: async () => {
      await stopImmediate();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type RedisServer = {
  url: string;
  pid: () => number | undefined;
  /** SIGKILL: no shutdown, nothing saved. */
  kill: () => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/** A throwaway redis-server on a free loopback port, persisting nothing. */
export async function startRedis(options: EngineOptions = {}): Promise<RedisServer> {
  if (!fs.existsSync(REDIS_SERVER)) throw new Error(MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';
  const start = async () => {
    const [command, ...args] = [...(options.prefix ?? []), REDIS_SERVER, '--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
    child = spawn(command!, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    await waitFor('redis', () => new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
    }), () => output);
  };
  await start();
  const kill = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = exited(child);
    child.kill('SIGKILL');
    await gone;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: () => child?.pid,
    kill,
    start,
    stop: async () => {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

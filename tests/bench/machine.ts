import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PG_BIN, REDIS_SERVER } from '../helpers/engines.ts';
import { REPO_ROOT, SHARED_INSTANCES, TESTS_DIR } from './servers.ts';

export type Machine = { cpu: string; cores: number; ramGb: number; node: string; os: string };

export function machine(): Machine {
  const cpuinfo = fs.existsSync('/proc/cpuinfo') ? fs.readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  const release = fs.existsSync('/etc/os-release') ? /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1] : undefined;
  return {
    cpu: model.trim(),
    cores: os.cpus().length,
    ramGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${release ?? os.type()} (kernel ${os.release()})`,
  };
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
}

/** The version a package resolves to from `fromDir` (walking up node_modules, as Node does). */
function versionFrom(fromDir: string, name: string): string {
  for (let dir = fs.realpathSync(fromDir); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(manifest)) return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
    if (dir === path.dirname(dir)) return 'not installed';
  }
}

/** The first line of an engine's `--version` (PostgreSQL, redis-server). */
function engineVersion(binary: string): string {
  try {
    return execFileSync(binary, ['--version']).toString().split('\n')[0]!.trim();
  } catch {
    return `${path.basename(binary)} (not installed)`;
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: REPO_ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'server', 'shared', 'client'], { cwd: REPO_ROOT }).toString().trim() !== '';
    return dirty ? `${sha} + uncommitted changes` : sha;
  } catch {
    return 'unknown';
  }
}

/** Every server's version and the libraries that decide its speed. */
export function versions(): Record<string, string> {
  const serverDir = path.join(REPO_ROOT, 'server');
  const reference = path.join(TESTS_DIR, 'node_modules/@y/websocket-server');
  const hocuspocus = path.join(TESTS_DIR, 'node_modules/@hocuspocus/server');
  return {
    ours: `server/ at commit ${gitCommit()} (yjs ${versionFrom(serverDir, 'yjs')}, y-protocols ${versionFrom(serverDir, 'y-protocols')}, ws ${versionFrom(serverDir, 'ws')}, better-sqlite3 ${versionFrom(serverDir, 'better-sqlite3')})`,
    shared: `the same server/, ${SHARED_INSTANCES} instances (pg ${versionFrom(serverDir, 'pg')}, ioredis ${versionFrom(serverDir, 'ioredis')}) on ${engineVersion(path.join(PG_BIN, 'postgres'))} and ${engineVersion(REDIS_SERVER)}`,
    reference: `@y/websocket-server ${versionFrom(TESTS_DIR, '@y/websocket-server')} (yjs ${versionFrom(reference, 'yjs')}, ws ${versionFrom(reference, 'ws')}, y-leveldb ${versionFrom(reference, 'y-leveldb')})`,
    hocuspocus: `@hocuspocus/server ${versionFrom(TESTS_DIR, '@hocuspocus/server')} with @hocuspocus/extension-database ${versionFrom(TESTS_DIR, '@hocuspocus/extension-database')} (yjs ${versionFrom(hocuspocus, 'yjs')}, ws ${versionFrom(hocuspocus, 'ws')}); clients: @hocuspocus/provider ${versionFrom(TESTS_DIR, '@hocuspocus/provider')}`,
    bare: `ws ${versionFrom(TESTS_DIR, 'ws')} (tests/bench/servers/bare.ts)`,
    clients: `y-websocket ${versionFrom(TESTS_DIR, 'y-websocket')}, yjs ${versionFrom(TESTS_DIR, 'yjs')}, ws ${versionFrom(TESTS_DIR, 'ws')}, playwright-core ${versionFrom(TESTS_DIR, 'playwright-core')}`,
  };
}

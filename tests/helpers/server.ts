import { spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import fs from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { startServer, type RunningServer } from '../../server/src/server.ts';
import { createLogger } from '../../server/src/logger.ts';
import type { RoomStore } from '../../server/src/store/roomStore.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function tempDataDir(prefix = 'okr-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestServer = RunningServer & { store: RoomStore; httpUrl: string; wsUrl: string; dataDir: string };

/** A real server in this process on port 0 with its own data directory (SQLite; shared mode runs as processes, sharedCluster.ts); `close` tears it down. */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  const config = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' }, { port: 0, host: '127.0.0.1', dataDir, ...overrides });
  const server = await startServer(config, createLogger(config.logLevel));
  if (!server.store) {
    await server.close();
    throw new Error('startTestServer runs a single server on its SQLite store; start shared mode with sharedCluster.ts');
  }
  return { ...server, store: server.store, httpUrl: `http://127.0.0.1:${server.port}`, wsUrl: `ws://127.0.0.1:${server.port}`, dataDir };
}

export type CreatedRoom = {
  roomId: string;
  facilitatorKey: string;
  viewerKey: string;
  participantUrl: string;
  facilitatorUrl: string;
  viewerUrl: string;
};

export async function createRoom(httpUrl: string, title = 'Test workshop'): Promise<CreatedRoom> {
  const res = await fetch(`${httpUrl}/api/rooms`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ title }) });
  if (res.status !== 201) throw new Error(`POST /api/rooms answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CreatedRoom;
}

export type ServerProcess = { child: ChildProcess; port: number; httpUrl: string; wsUrl: string; output: () => string };

/** The benchmark's probe: preloaded into a server, it answers memory questions over IPC (helpers/processStats.ts). */
const PROBE = path.join(REPO_ROOT, 'tests/bench/probe.ts');

/**
 * The real server as its own process (`tsx server/src/main.ts`), for kill and restart tests.
 * `probe` preloads the benchmark's probe with `--expose-gc`, so a test can force a collection.
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, port = 0, options: { probe?: boolean; startTimeoutMs?: number } = {}): Promise<ServerProcess> {
  const probeArgs = options.probe ? ['--expose-gc', '--import', 'tsx', '--import', PROBE] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...probeArgs, path.join(REPO_ROOT, 'server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: options.probe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  }) as ChildProcessByStdio<null, Readable, Readable>;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const actualPort = await new Promise<number>((resolve, reject) => {
    const startTimeoutMs = options.startTimeoutMs ?? 20_000;
    const timer = setTimeout(() => reject(new Error(`server did not start in ${startTimeoutMs} ms (${env.INSTANCE_ID ?? dataDir}):\n${output}`)), startTimeoutMs);
    const onData = () => {
      const match = /Open:\s+http:\/\/[^:]+:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { child, port: actualPort, httpUrl: `http://127.0.0.1:${actualPort}`, wsUrl: `ws://127.0.0.1:${actualPort}`, output: () => output };
}

/** Whether the process has ended: a process killed by a signal keeps `exitCode` null and sets `signalCode`. */
function hasExited(server: ServerProcess): boolean {
  return server.child.exitCode !== null || server.child.signalCode !== null;
}

/**
 * SIGKILLs the server and resolves once it is gone; at once if it is gone already (a cleanup that
 * waited for the 'exit' of a process killed before waited for ever, and a timed-out crash test then
 * left the server it was starting running).
 */
export function killHard(server: ServerProcess): Promise<void> {
  return new Promise((resolve) => {
    if (hasExited(server)) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

/** Sends `signal` (SIGTERM, SIGINT) and resolves with the exit code once the process is gone. */
export function stopServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
  return new Promise((resolve) => {
    if (hasExited(server)) return resolve(server.child.exitCode);
    server.child.once('exit', (code) => resolve(code));
    server.child.kill(signal);
  });
}

/** A stand-in for the built client (index.html and one hashed asset), so HTTP tests need no build. */
export function fakeClientDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'okr-client-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>OKR workshop board</title><script type="module" src="/assets/app-1a2b3c.js"></script>');
  fs.writeFileSync(path.join(dir, 'assets', 'app-1a2b3c.js'), 'console.log("board")');
  return dir;
}

export type RawAnswer = { status: number; headers: IncomingHttpHeaders; body: string };

/**
 * One HTTP request with the path sent exactly as given (fetch would normalise `..` and encode
 * bytes); `raw` sends the bytes of a whole request over a plain socket instead.
 */
export function rawRequest(httpUrl: string, request: { method?: string; path?: string; headers?: Record<string, string>; body?: string; raw?: string }): Promise<RawAnswer> {
  const { hostname, port } = new URL(httpUrl);
  if (request.raw !== undefined) {
    return new Promise((resolve, reject) => {
      const socket = net.connect(Number(port), hostname, () => socket.write(request.raw!));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('error', reject);
      socket.on('close', () => resolve(parseRawResponse(text)));
    });
  }
  return new Promise((resolve, reject) => {
    const req = http.request({ host: hostname, port, method: request.method ?? 'GET', path: request.path ?? '/', headers: request.headers });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

function parseRawResponse(text: string): RawAnswer {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: IncomingHttpHeaders = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n') };
}

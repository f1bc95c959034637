import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './server.ts';

export type CliResult = { code: number | null; stdout: string; stderr: string };

const CLI = path.join(REPO_ROOT, 'server/src/cli/main.ts');

/** The `okr` tool in its own process, as people run it, against `dataDir`; `env` adds or overrides settings. */
export function runOkr(args: string[], dataDir: string, env: Record<string, string> = {}): Promise<CliResult> {
  const base: NodeJS.ProcessEnv = { ...process.env };
  // The machine's own settings must not leak into links, retention or the store the tests expect.
  delete base.PUBLIC_URL;
  delete base.PORT;
  delete base.ROOM_RETENTION_DAYS;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env: { ...base, DATA_DIR: dataDir, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

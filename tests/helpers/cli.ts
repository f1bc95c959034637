import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './server.ts';

export type CliResult = { code: number | null; stdout: string; stderr: string };

const CLI = path.join(REPO_ROOT, 'server/src/cli/main.ts');

/** The `okr` tool in its own process, as people run it, against `dataDir`. */
export function runOkr(args: string[], dataDir: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  // The machine's own settings must not leak into links or the store the tests expect.
  delete env.PUBLIC_URL;
  delete env.PORT;
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// `npx pnpm@10 dev`: the server (restarting on change) on DEV_SERVER_PORT and Vite with hot reload,
// which proxies the API and the sync sockets to it. Ctrl+C stops both.
import { spawn } from 'node:child_process';

const serverPort = process.env.DEV_SERVER_PORT ?? '8081';
const children = [
  spawn('pnpm', ['exec', 'tsx', 'watch', 'server/src/main.ts'], { stdio: 'inherit', env: { ...process.env, PORT: serverPort } }),
  spawn('pnpm', ['--filter', '@okr/client', 'dev'], { stdio: 'inherit', env: { ...process.env, DEV_SERVER_PORT: serverPort } }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  stop();
  process.exitCode = code ?? 0;
});

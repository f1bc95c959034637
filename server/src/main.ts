import { ConfigError, loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { lanAddress, startServer } from './server.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const server = await startServer(config, log);
  // Shared mode keeps nothing in DATA_DIR.
  const keptIn = config.storage.kind === 'shared' ? 'PostgreSQL (DATABASE_URL)' : config.dataDir;
  log.info({ port: server.port, rooms: keptIn }, 'server started');

  const lan = lanAddress();
  const lines = [
    '',
    `  OKR workshop board is running.`,
    `  Open:        ${server.baseUrl}/`,
    config.host === '0.0.0.0' && lan ? `  On your LAN: http://${lan}:${server.port}/  (phones and laptops on this network)` : `  Room full of devices? Start with HOST=0.0.0.0 to accept them.`,
    `  Rooms are kept in ${keptIn}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down: flushing rooms');
    // Every update is already in the store; a shutdown stuck on a socket must not hang the process.
    setTimeout(() => {
      log.error('shutdown took more than 10 s; exiting anyway');
      process.exit(1);
    }, 10_000).unref();
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err: (err as Error).message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

import fs from 'node:fs/promises';
import path from 'node:path';
import { Server } from '@hocuspocus/server';
import { Database } from '@hocuspocus/extension-database';

/**
 * Hocuspocus 3 as a team would run it: the stock server with its Database extension, storing each
 * document's state in a file (Hocuspocus stores debounced, 2 s by default, and on the last disconnect).
 */
const port = Number(process.env.PORT);
const dataDir = process.env.DATA_DIR!;
await fs.mkdir(dataDir, { recursive: true });
const file = (name: string) => path.join(dataDir, `${encodeURIComponent(name)}.ydoc`);

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => fs.readFile(file(documentName)).then((b) => new Uint8Array(b), () => null),
      store: async ({ documentName, state }) => {
        const target = file(documentName);
        await fs.writeFile(`${target}.tmp`, state);
        await fs.rename(`${target}.tmp`, target);
      },
    }),
  ],
});
await server.listen();
console.log(`hocuspocus on ${port}`);

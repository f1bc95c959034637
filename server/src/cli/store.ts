import fs from 'node:fs';
import { isWellFormedSecret } from '../store/keys.ts';
import { RoomStore } from '../store/roomStore.ts';
import type { Config } from '../config.ts';
import { CliError } from './cliError.ts';

/**
 * Opens the server's store for reading. SQLite's WAL mode lets this run beside a running server;
 * a DATA_DIR without a store is an error rather than a new empty store.
 */
export function openExistingStore(dataDir: string): RoomStore {
  if (!fs.existsSync(RoomStore.file(dataDir))) {
    throw new CliError(`no rooms stored in ${dataDir}: set DATA_DIR to the server's data folder (default ./data)`);
  }
  return RoomStore.open(dataDir);
}

/** Opens the store, creating DATA_DIR and the store if this is the first room. */
export function openStore(dataDir: string): RoomStore {
  return RoomStore.open(dataDir);
}

export function withStore<T>(store: RoomStore, use: (store: RoomStore) => T): T {
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** A room id, or a room link (`…/r/<roomId>`, with or without `#key=…`) pasted whole. */
export function parseRoomId(input: string): string {
  const id = roomIdIn(input);
  if (id === undefined) {
    throw new CliError(`"${input}" is not a room id: room ids are 22 to 64 letters, digits, _ or - (run "okr rooms" to list them)`);
  }
  return id;
}

/** parseRoomId for an argument that may be something else (`okr review`'s file): undefined when it names no room. */
export function roomIdIn(input: string): string | undefined {
  const id = /\/r\/([^/?#]+)/.exec(input)?.[1] ?? input;
  return isWellFormedSecret(id) ? id : undefined;
}

/** Where the links the tool prints point: PUBLIC_URL, else the server on this machine's PORT. */
export function linkBase(config: Pick<Config, 'publicUrl' | 'port'>): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

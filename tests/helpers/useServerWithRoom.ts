import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Config } from '../../server/src/config.ts';
import { createRoom, startTestServer, type CreatedRoom, type TestServer } from './server.ts';
import { openBoardClient, openControlClient, type ClientOptions, type ControlClient, type TestClient } from './clients.ts';
import { RawClient } from './rawSocket.ts';

export type ServerWithRoomOptions = {
  /** 'test' (the default): a fresh server for every test; 'file': one for all the file's tests. */
  per?: 'test' | 'file';
  /** Settings for every server started here. */
  config?: Partial<Config>;
  /** A room is created once the server is up, with this title if given; `false` for none. */
  room?: boolean | string;
  /** Each test starts the server itself with `start(overrides)`, for settings that differ per test. */
  startInTest?: boolean;
};

/** Where a connection goes: the room's board by default, another room, or a viewer link. */
export type ConnectTo = Omit<ClientOptions, 'control'> & { roomId?: string };

export type ServerWithRoom = {
  /** The running server (throws before it is started). */
  readonly server: TestServer;
  /** The room created with it (throws when none was asked for). */
  readonly room: CreatedRoom;
  /** Starts the server with `config` plus `overrides`, and its room; only with `startInTest`. */
  start: (overrides?: Partial<Config>) => Promise<TestServer>;
  /** Runs `fn` at tear-down, before the server stops: clients to destroy, timers to clear. */
  onTearDown: (fn: () => void) => void;
  /** A stock client on a board document, destroyed at tear-down. */
  board: (to?: ConnectTo) => TestClient;
  /** A stock client on a control document, destroyed at tear-down. */
  control: (to?: ConnectTo) => ControlClient;
  /** A raw websocket to `path` (the room's board by default), terminated at tear-down. */
  raw: (path?: string, options?: Parameters<typeof RawClient.open>[1]) => Promise<RawClient>;
};

/**
 * A real server on port 0 (and a room on it) for each test or for the file, torn down after it
 * with every client opened through it, like hocuspocus's `newHocuspocus` test helper.
 * Example: `const fixture = useServerWithRoom(); … fixture.board({ key: fixture.room.facilitatorKey })`.
 */
export function useServerWithRoom(options: ServerWithRoomOptions = {}): ServerWithRoom {
  const { per = 'test', config = {}, room: roomOption = true, startInTest = false } = options;
  let server: TestServer | undefined;
  let room: CreatedRoom | undefined;
  const tearDowns: (() => void)[] = [];

  const start = async (overrides: Partial<Config> = {}): Promise<TestServer> => {
    if (server) throw new Error('the server is already running');
    server = await startTestServer({ ...config, ...overrides });
    if (roomOption !== false) room = await createRoom(server.httpUrl, typeof roomOption === 'string' ? roomOption : undefined);
    return server;
  };
  const stop = async (): Promise<void> => {
    for (const fn of tearDowns.splice(0)) fn();
    const running = server;
    server = undefined;
    room = undefined;
    await running?.close();
  };

  const [before, after] = per === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  if (!startInTest) before(async () => void (await start()));
  after(stop);

  const fixture: ServerWithRoom = {
    get server() {
      if (!server) throw new Error(startInTest ? 'call start() first' : 'the server is not running');
      return server;
    },
    get room() {
      if (!room) throw new Error(roomOption === false ? 'this fixture creates no room' : 'the server is not running');
      return room;
    },
    start: (overrides) => {
      if (!startInTest) throw new Error('this fixture starts its server itself');
      return start(overrides);
    },
    onTearDown: (fn) => void tearDowns.push(fn),
    board: ({ roomId, ...clientOptions } = {}) => {
      const client = openBoardClient(fixture.server.wsUrl, roomId ?? roomIdFor(clientOptions), clientOptions);
      tearDowns.push(client.destroy);
      return client;
    },
    control: ({ roomId, ...clientOptions } = {}) => {
      const client = openControlClient(fixture.server.wsUrl, roomId ?? roomIdFor(clientOptions), clientOptions);
      tearDowns.push(client.destroy);
      return client;
    },
    raw: async (path, rawOptions) => {
      const client = await RawClient.open(`${fixture.server.wsUrl}${path ?? `/sync/${fixture.room.roomId}`}`, rawOptions);
      tearDowns.push(() => client.terminate());
      return client;
    },
  };
  // A viewer link names no room: the viewer key stands for it.
  const roomIdFor = (clientOptions: ClientOptions) => (clientOptions.viewerKey ? '' : fixture.room.roomId);
  return fixture;
}

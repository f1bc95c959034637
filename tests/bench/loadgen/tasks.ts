import type { LatencySummary } from './tally.ts';
import type { RoomTarget } from './lightClient.ts';
import type { Dialect } from './wire.ts';

/** What the orchestrator asks the load-generator process to do, and what it answers. */
export type RealtimeTask = {
  kind: 'realtime';
  dialect: Dialect;
  rooms: RoomTarget[];
  clientsPerRoom: number;
  editsPerSecond: number;
  presencePerSecond: number;
  /** Only the first this many clients of each room edit (all when absent); every client sends presence. */
  editors?: number;
  /** Clients open over this long, so connecting is not itself a storm. */
  connectSpreadMs: number;
  warmupMs: number;
  measureMs: number;
  /** After the last send: how long to wait for every delivery before counting drops. */
  drainTimeoutMs: number;
  /** Full Y.Doc observers: this many rooms get `perRoom` each. */
  observerRooms: number;
  observersPerRoom: number;
  /** Whether the server keeps state a late joiner can sync (not the bare relay). */
  lateJoiner: boolean;
};

export type StormTask = {
  kind: 'storm';
  dialect: Dialect;
  room: RoomTarget;
  clients: number;
  spreadMs: number;
  timeoutMs: number;
};

export type SeedTask = { kind: 'seed'; dialect: Dialect; rooms: RoomTarget[]; cards: number; parallel: number };
/** `lastText`: the load is complete only once a card's text ends with it too (shared mode's catch-up: the log's last edit). */
export type ColdLoadTask = { kind: 'coldload'; dialect: Dialect; room: RoomTarget; cards: number; timeoutMs: number; lastText?: string };
/** Opens one client per room and holds them until told to release. */
export type HoldTask = { kind: 'hold'; dialect: Dialect; rooms: RoomTarget[]; spreadMs: number; timeoutMs: number };

export type Task = RealtimeTask | StormTask | SeedTask | ColdLoadTask | HoldTask;

/** `eventLoopP99Ms` is the raw p99 interval of a 10 ms timer (so 10 means no delay); `sendLagP99Ms`, how late sends left against the timetable. */
export type GeneratorHealth = { cpuPercent: number; eventLoopP99Ms: number; sendLagP99Ms: number };

export type RealtimeResult = {
  clients: number;
  rooms: number;
  windowMs: number;
  edits: { sent: number; expected: number; delivered: number; dropped: number; reordered: number; latency: LatencySummary };
  presence: { sent: number; expected: number; delivered: number; coalesced: number; staleAtEnd: number; reordered: number; latency: LatencySummary };
  deliveredPerSecond: number;
  /** Websocket frames each client received per second of the window, on average. */
  framesPerClientPerSecond: number;
  drainMs: number;
  connectFailures: number;
  /** Clients whose socket the server closed after they joined. */
  disconnects: number;
  /** Sockets those clients opened again (as y-websocket does), counting failed attempts. */
  reconnects: number;
  converged: boolean;
  convergence: string;
  generator: GeneratorHealth;
};

export type StormResult = {
  clients: number;
  failures: number;
  failureReasons: Record<string, number>;
  connectToSync: LatencySummary;
  allSyncedMs: number;
};

export type SeedResult = { rooms: number; cards: number; ms: number };
export type ColdLoadResult = { syncedMs: number; completeMs: number; incompleteAtFirstSync: boolean; cards: number };
export type HoldResult = { rooms: number; failures: number; syncedMs: number };

export type TaskResult = RealtimeResult | StormResult | SeedResult | ColdLoadResult | HoldResult;

/** Messages from the generator process to the orchestrator. */
export type WorkerMessage =
  | { type: 'phase'; phase: 'window-start' | 'window-end' | 'loaded' }
  | { type: 'result'; result: TaskResult }
  | { type: 'error'; message: string };

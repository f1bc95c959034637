/** How big each scenario is. `full` is what BENCHMARKS.md reports; `tiny` keeps the harness alive in the test suite. */
export type Scale = {
  name: 'full' | 'tiny';
  /** Rounds: independent runs per server and scenario (each on a fresh server process), interleaved; the report gives the median. Verdicts need MIN_ROUNDS. */
  runs: number;
  realtime: { connectSpreadMs: number; warmupMs: number; measureMs: number; drainTimeoutMs: number };
  oneRoom: { clients: number; editsPerSecond: number; presencePerSecond: number };
  manyRooms: { rooms: number; clientsPerRoom: number; editsPerSecond: number; presencePerSecond: number };
  writers: { counts: number[]; editsPerSecond: number; thresholdMs: number; measureMs: number };
  storm: { clients: number; spreadMs: number; timeoutMs: number };
  /** One room where everyone moves a cursor (presence) and some also edit; run again without cursors for the edit baseline. */
  cursors: { clients: number; editors: number; cursorsPerSecond: number; editsPerSecond: number };
  coldLoad: { cards: number; loads: number };
  memory: { rooms: number; cardsPerRoom: number; cycles: number };
  browser: { cards: number; editsPerSecond: number; seconds: number };
  /** Shared mode: an instance loads a room of a snapshot (`snapshotCards`) plus each count of log rows; `loads` fresh rooms per count. */
  catchUp: { snapshotCards: number; logRows: number[]; loads: number };
  /** Shared mode: clients through a balancer add cards for `stormMs`, then one instance is SIGKILLed. */
  orphans: { clients: number; editsPerSecond: number; stormMs: number };
};

export const FULL: Scale = {
  name: 'full',
  runs: 5,
  realtime: { connectSpreadMs: 1000, warmupMs: 2000, measureMs: 8000, drainTimeoutMs: 15_000 },
  oneRoom: { clients: 50, editsPerSecond: 2, presencePerSecond: 5 },
  manyRooms: { rooms: 100, clientsPerRoom: 8, editsPerSecond: 2, presencePerSecond: 5 },
  writers: { counts: [50, 100, 200, 400], editsPerSecond: 2, thresholdMs: 100, measureMs: 5000 },
  storm: { clients: 500, spreadMs: 1000, timeoutMs: 30_000 },
  cursors: { clients: 30, editors: 10, cursorsPerSecond: 20, editsPerSecond: 2 },
  coldLoad: { cards: 1000, loads: 5 },
  memory: { rooms: 100, cardsPerRoom: 50, cycles: 3 },
  browser: { cards: 300, editsPerSecond: 20, seconds: 15 },
  catchUp: { snapshotCards: 1000, logRows: [0, 500, 10_000], loads: 5 },
  orphans: { clients: 20, editsPerSecond: 2, stormMs: 3000 },
};

export const TINY: Scale = {
  name: 'tiny',
  runs: 1,
  realtime: { connectSpreadMs: 100, warmupMs: 300, measureMs: 1500, drainTimeoutMs: 5000 },
  oneRoom: { clients: 4, editsPerSecond: 2, presencePerSecond: 5 },
  manyRooms: { rooms: 3, clientsPerRoom: 3, editsPerSecond: 2, presencePerSecond: 5 },
  writers: { counts: [3, 6], editsPerSecond: 2, thresholdMs: 100, measureMs: 1500 },
  storm: { clients: 10, spreadMs: 200, timeoutMs: 10_000 },
  cursors: { clients: 6, editors: 2, cursorsPerSecond: 20, editsPerSecond: 2 },
  coldLoad: { cards: 20, loads: 1 },
  memory: { rooms: 3, cardsPerRoom: 5, cycles: 1 },
  browser: { cards: 20, editsPerSecond: 5, seconds: 2 },
  catchUp: { snapshotCards: 20, logRows: [0, 50], loads: 1 },
  orphans: { clients: 4, editsPerSecond: 2, stormMs: 500 },
};

export const SCENARIOS = ['oneRoom', 'manyRooms', 'writers', 'storm', 'cursors', 'coldLoad', 'memory', 'catchUp', 'orphans', 'browser'] as const;
/** The scenarios shared mode runs in beside the single-node server; catchUp and orphans are its own. */
export const SHARED_SCENARIOS: readonly ScenarioId[] = ['oneRoom', 'manyRooms', 'catchUp', 'orphans'];
export type ScenarioId = (typeof SCENARIOS)[number];

export const SCENARIO_TITLES: Record<ScenarioId, string> = {
  oneRoom: '1. One room, 50 clients',
  manyRooms: '2. 100 rooms × 8 clients',
  writers: '3. One room, growing number of writers',
  storm: '4. Connect storm',
  cursors: '7. Live cursors: 30 people, 10 editing',
  coldLoad: '5. Cold load of a 1,000-card room',
  memory: '6. Memory per loaded room',
  catchUp: '8. Shared mode: catch-up from PostgreSQL',
  orphans: '9. Shared mode: orphaned clients back in sync',
  browser: 'The board in Chromium',
};

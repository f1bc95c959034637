/**
 * What pruning leaves of a room, the same table for both engines (SQLite's `okr prune` in
 * hardening/retention.test.ts, PostgreSQL's in shared/cliMore.test.ts): retention exists to delete,
 * so a pruned room leaves no board anywhere, its History included, and a kept room keeps all of it.
 */
export type Engine = 'sqlite' | 'postgres';

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The age both engines prune at. */
export const PRUNE_DAYS = 30;

/** Each room the tests make: its log rows, a snapshot and a version, last edited `idleDays` ago. */
export const PRUNE_CASES: { name: string; idleDays: number; pruned: boolean }[] = [
  { name: 'idle past the age', idleDays: 40, pruned: true },
  { name: 'edited within the age', idleDays: 10, pruned: false },
];

/** Where each engine keeps each part of a room. */
export const ROOM_CONTENTS: { what: string; table: Record<Engine, string> }[] = [
  { what: 'the room and its keys', table: { sqlite: 'rooms', postgres: 'rooms' } },
  { what: 'the documents’ log', table: { sqlite: 'doc_updates', postgres: 'doc_log' } },
  { what: 'the documents’ snapshots', table: { sqlite: 'doc_snapshots', postgres: 'doc_snapshots' } },
  { what: 'the board’s History (versions)', table: { sqlite: 'versions', postgres: 'versions' } },
];

/** Counts a room's rows in one table of `engine`. */
export function countRowsSql(engine: Engine, table: string): string {
  return `SELECT count(*) AS n FROM ${table} WHERE ${table === 'rooms' ? 'id' : 'room_id'} = ${engine === 'sqlite' ? '?' : '$1'}`;
}

/**
 * What each case's room should still hold after the prune, and what it holds, as `{ case: { part:
 * whether rows remain } }`, for one `toEqual`. `rowsOf` counts with countRowsSql.
 */
export async function pruneOutcome(
  engine: Engine,
  roomIds: Record<string, string>,
  rowsOf: (sql: string, roomId: string) => number | Promise<number>,
): Promise<{ expected: Record<string, Record<string, boolean>>; actual: Record<string, Record<string, boolean>> }> {
  const expected: Record<string, Record<string, boolean>> = {};
  const actual: Record<string, Record<string, boolean>> = {};
  for (const { name, pruned } of PRUNE_CASES) {
    expected[name] = {};
    actual[name] = {};
    for (const { what, table } of ROOM_CONTENTS) {
      expected[name][what] = !pruned;
      actual[name][what] = (await rowsOf(countRowsSql(engine, table[engine]), roomIds[name]!)) > 0;
    }
  }
  return { expected, actual };
}

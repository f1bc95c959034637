import pg from 'pg';
import { PgDocLog } from '../../server/src/store/postgres/pgDocLog.ts';
import { migrate } from '../../server/src/store/postgres/schema.ts';
import { startPostgres } from '../helpers/engines.ts';
import { cpuSeconds, processTree } from './procStats.ts';

/**
 * `npx tsx bench/sharedCommit.ts` (from tests/): what one turn's commit costs in shared mode, next
 * to the floor of one round trip (`SELECT 1` on the same pool), for a turn that changed 1 document
 * and one that changed 100 (scenario 2's rooms per instance). A throwaway cluster as the tests start
 * it; N commits of each, alternated; ROUNDS=… sets N (300). Also PostgreSQL's CPU per commit (its
 * processes' user and system time over blocks of 50 of one kind, so each block is one kind's alone),
 * and this process's (the instance's side of a commit: pg's encoding, the socket, the reply's parsing).
 */
const N = Number(process.env.ROUNDS ?? 300);
const postgres = await startPostgres();
const pool = new pg.Pool({ connectionString: postgres.url, max: 2 });
try {
  await migrate(pool);
  const docLog = new PgDocLog(pool, 60_000);
  for (let r = 0; r < 100; r++) {
    await postgres.query('INSERT INTO rooms (id, title, facilitator_key_hash, viewer_key_hash, created_at, last_activity) VALUES ($1, $1, $2, $3, 0, 0)', [`r${r}`, Buffer.from(`f${r}`), Buffer.from(`v${r}`)]);
    await docLog.ensureHeads(`r${r}`, ['board']);
  }
  // About what one person's edit of a card appends.
  const update = new Uint8Array(120).fill(7);
  const turn = (docs: number) => Array.from({ length: docs }, (_, r) => ({ roomId: `r${r}`, doc: 'board' as const, update }));
  const cases: Record<string, () => Promise<unknown>> = {
    'SELECT 1 (one round trip)': () => pool.query('SELECT 1'),
    'commit, 1 document': () => docLog.appendTurn(turn(1)),
    'commit, 100 documents': () => docLog.appendTurn(turn(100)),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < N; i++) {
    for (const [name, run] of Object.entries(cases)) {
      const started = performance.now();
      await run();
      times[name]!.push(performance.now() - started);
    }
  }
  const cpu: Record<string, number> = Object.fromEntries(Object.keys(cases).map((name) => [name, 0]));
  const clientCpu: Record<string, number> = Object.fromEntries(Object.keys(cases).map((name) => [name, 0]));
  const postgresCpu = () => processTree(postgres.pid()!).reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  for (let i = 0; i < N; i += 50) {
    for (const [name, run] of Object.entries(cases)) {
      const before = postgresCpu();
      const clientBefore = process.cpuUsage();
      for (let j = 0; j < 50; j++) await run();
      const client = process.cpuUsage(clientBefore);
      cpu[name]! += postgresCpu() - before;
      clientCpu[name]! += (client.user + client.system) / 1e6;
    }
  }
  const at = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(2);
  const [load] = (await import('node:os')).loadavg();
  const blocks = Math.ceil(N / 50) * 50;
  for (const [name, xs] of Object.entries(times)) {
    console.log(`${name}: p50 ${at(xs, 50)} p90 ${at(xs, 90)} p99 ${at(xs, 99)} ms (n ${xs.length}); PostgreSQL CPU ${((cpu[name]! / blocks) * 1000).toFixed(3)} ms each, this process ${((clientCpu[name]! / blocks) * 1000).toFixed(3)} ms (n ${blocks})`);
  }
  console.log(`load average ${load!.toFixed(1)}`);
} finally {
  await pool.end();
  await postgres.stop();
}

import type * as Y from 'yjs';
import { BoardDoc } from '@okr/shared/doc';
import { CONTEXT_KINDS } from '@okr/shared/schema';
import { openFullClient, until } from './fullClients.ts';
import { LightClient } from './lightClient.ts';
import type { ColdLoadResult, ColdLoadTask, HoldResult, HoldTask, SeedResult, SeedTask } from './tasks.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cardCount = (board: BoardDoc) => board.ydoc.getMap('contextItems').size;

/** Fills rooms with real board content (context cards, one transaction each, as people add them). */
export async function runSeed(task: SeedTask): Promise<SeedResult> {
  const started = performance.now();
  const queue = [...task.rooms];
  const worker = async () => {
    for (let room = queue.shift(); room; room = queue.shift()) {
      const writer = openFullClient(task.dialect, room);
      await writer.ready;
      const board = new BoardDoc(writer.doc);
      for (let i = 0; i < task.cards; i++) {
        board.addContextItem({
          kind: CONTEXT_KINDS[i % CONTEXT_KINDS.length]!,
          text: `Card ${i}: checkout conversion, churn and onboarding notes from the pre-work, written by a participant`,
        });
      }
      // The room has everything once a second client, fresh from the server, sees every card.
      const checker = openFullClient(task.dialect, room);
      await checker.ready;
      const ok = await until(checker.doc, () => cardCount(new BoardDoc(checker.doc)) >= task.cards, 30_000);
      writer.destroy();
      checker.destroy();
      if (!ok) throw new Error(`seeding ${room.roomName}: the server did not hold all ${task.cards} cards`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(task.parallel, task.rooms.length) }, worker));
  return { rooms: task.rooms.length, cards: task.cards, ms: Math.round(performance.now() - started) };
}

/** Scenario 5: a new client opens a room the server has only in its store; time to the full board. */
export async function runColdLoad(task: ColdLoadTask): Promise<ColdLoadResult> {
  const started = performance.now();
  const client = openFullClient(task.dialect, task.room, task.timeoutMs);
  const board = new BoardDoc(client.doc);
  const last = task.lastText;
  // The last edit is looked for in the raw texts: validating every card (contextItems.list) on each check took 40–200 ms of a cold load generator's time, measured as if it were the load's.
  const hasLast = () => [...client.doc.getMap<Y.Map<unknown>>('contextItems').values()].some((card) => String(card.get('text')).endsWith(last!));
  const done = () => cardCount(board) >= task.cards && (last === undefined || hasLast());
  try {
    await client.ready;
    const syncedMs = performance.now() - started;
    const incompleteAtFirstSync = !done();
    const complete = await until(client.doc, done, task.timeoutMs);
    const completeMs = performance.now() - started;
    if (!complete) throw new Error(`cold load: ${cardCount(board)} of ${task.cards} cards arrived${last === undefined ? '' : `, the last edit (${last}) ${done() ? 'too' : 'not'}`}`);
    return { syncedMs: round(syncedMs), completeMs: round(completeMs), incompleteAtFirstSync, cards: cardCount(board) };
  } finally {
    client.destroy();
  }
}

/** Scenario 6: one client in each room (which makes the server load it), held until released. */
export async function runHold(task: HoldTask, loaded: () => void, released: Promise<void>): Promise<HoldResult> {
  const started = performance.now();
  const clients = task.rooms.map((room, i) => new LightClient(i, i, room, task.dialect, () => {}));
  await Promise.all(clients.map((c, i) => sleep((i * task.spreadMs) / clients.length).then(() => c.connect(task.timeoutMs))));
  const syncedMs = performance.now() - started;
  loaded();
  await released;
  const failures = clients.filter((c) => c.failure).length;
  for (const c of clients) c.close();
  return { rooms: task.rooms.length, failures, syncedMs: round(syncedMs) };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

import fs from 'node:fs';
import path from 'node:path';
import { createHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { openFullClient, until, type FullClient } from './fullClients.ts';
import { LightClient, onInstance } from './lightClient.ts';
import { recordMs, summarise, Tally } from './tally.ts';
import type { RealtimeResult, RealtimeTask } from './tasks.ts';
import { TICKS_PER_MS } from './wire.ts';

const EDIT = 0;
const PRESENCE = 1;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Scenarios 1 to 3 and the cursor scenario. Every client joins, then sends on a fixed timetable (open loop: a send never
 * waits for anything), each edit and presence update stamped with its send time; every other client
 * in the room records when it sees it. After the last send it waits for every delivery, then full
 * Y.Doc observers (and a late joiner) check that the room's document converged.
 */
export async function runRealtime(task: RealtimeTask, phase: (p: 'window-start' | 'window-end') => void): Promise<RealtimeResult> {
  const perRoom = task.clientsPerRoom;
  const n = task.rooms.length * perRoom;
  const roomOf = new Int32Array(n);
  const slot = new Int32Array(n);
  const members: number[][] = task.rooms.map(() => []);
  for (let i = 0; i < n; i++) {
    roomOf[i] = Math.floor(i / perRoom);
    slot[i] = i % perRoom;
    members[roomOf[i]!]!.push(i);
  }
  const totalSeconds = (task.warmupMs + task.measureMs) / 1000 + 1;
  const tally = new Tally(
    roomOf,
    slot,
    members,
    Math.ceil(totalSeconds * task.editsPerSecond) + 2,
    Math.ceil(totalSeconds * task.presencePerSecond) + 2,
  );
  const clients = Array.from(
    { length: n },
    // In shared mode a room's clients alternate between the instances, so most deliveries cross the bus.
    (_, i) => new LightClient(i, roomOf[i]!, onInstance(task.rooms[roomOf[i]!]!, slot[i]!), task.dialect, (c, message) => tally.received(c.id, message)),
  );

  // Everyone joins, spread out; observers join the first rooms.
  await Promise.all(clients.map((c, i) => sleep((i * task.connectSpreadMs) / n).then(() => c.connect(30_000))));
  const observers: { room: number; client: FullClient }[] = [];
  for (let r = 0; r < Math.min(task.observerRooms, task.rooms.length); r++) {
    for (let k = 0; k < task.observersPerRoom; k++) observers.push({ room: r, client: openFullClient(task.dialect, onInstance(task.rooms[r]!, r + k)) });
  }
  const observerProblems: string[] = [];
  await Promise.all(observers.map((o) => o.client.ready.catch((err: Error) => observerProblems.push(err.message))));

  // The timetable: each client's edits and presence at a fixed rate from a random phase.
  const t0 = performance.now() + 200;
  tally.windowStart = t0 + task.warmupMs;
  tally.windowEnd = tally.windowStart + task.measureMs;
  const times: number[] = [];
  const who: number[] = [];
  const kinds: number[] = [];
  const plan = (rate: number, kind: number, sends: (i: number) => boolean = () => true) => {
    if (rate <= 0) return;
    const period = 1000 / rate;
    for (let i = 0; i < n; i++) {
      if (!sends(i)) continue;
      for (let t = t0 + Math.random() * period; t < tally.windowEnd; t += period) {
        times.push(t);
        who.push(i);
        kinds.push(kind);
      }
    }
  };
  plan(task.editsPerSecond, EDIT, (i) => task.editors === undefined || slot[i]! < task.editors);
  plan(task.presencePerSecond, PRESENCE);
  const order = Array.from(times.keys()).sort((a, b) => times[a]! - times[b]!);
  const editSeq = new Int32Array(n);
  const presenceSeq = new Int32Array(n);
  const sendLag = createHistogram();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  let cpuAtStart = process.cpuUsage();
  let cpuInWindow = { user: 0, system: 0 };

  const windowTimers = [
    setTimeout(() => {
      phase('window-start');
      cpuAtStart = process.cpuUsage();
      loopDelay.enable();
    }, tally.windowStart - performance.now()),
    setTimeout(() => {
      cpuInWindow = process.cpuUsage(cpuAtStart);
      loopDelay.disable();
      phase('window-end');
    }, tally.windowEnd - performance.now()),
  ];

  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      let now = performance.now();
      while (next < order.length && times[order[next]!]! <= now) {
        const e = order[next++]!;
        const i = who[e]!;
        const client = clients[i]!;
        if (client.open) {
          const t = Math.round(now * TICKS_PER_MS) / TICKS_PER_MS;
          if (tally.inWindow(t)) recordMs(sendLag, now - times[e]!);
          if (kinds[e] === EDIT) {
            client.edit(editSeq[i]!, t);
            tally.sentEdit(i, t);
            editSeq[i]!++;
          } else {
            client.presence(presenceSeq[i]!, t);
            tally.sentPresence(i, presenceSeq[i]!, t);
            presenceSeq[i]!++;
          }
        }
        now = performance.now();
      }
      if (next < order.length) setTimeout(tick, Math.max(0, times[order[next]!]! - performance.now()));
      else resolve();
    };
    setTimeout(tick, Math.max(0, t0 - performance.now()));
  });
  await sleep(Math.max(0, tally.windowEnd - performance.now() + 5));
  windowTimers.forEach(clearTimeout);

  // Wait for every delivery (or give up and count what is missing as dropped).
  const drainStarted = performance.now();
  const receivers = clients.filter((c) => c.open).map((c) => c.id);
  while (!tally.complete(receivers) && performance.now() - drainStarted < task.drainTimeoutMs) await sleep(20);
  const drainMs = performance.now() - drainStarted;
  const staleAtEnd = tally.presenceStale(receivers);

  // Convergence: every observer holds each writer's last edit; observers of a room agree; a late joiner gets the same.
  const expectedFor = (room: number) => {
    const expected: Record<string, string> = {};
    for (const i of members[room]!) {
      const last = clients[i]!.lastEdit;
      if (last !== null) expected[`w${i}`] = last;
    }
    return expected;
  };
  const matches = (doc: Y.Doc, expected: Record<string, string>) => {
    const map = doc.getMap<{ by?: string }>('dismissals');
    return Object.entries(expected).every(([key, value]) => map.get(key)?.by === value);
  };
  const remaining = () => Math.max(2000, task.drainTimeoutMs - (performance.now() - drainStarted));
  for (const o of observers) {
    if (!(await until(o.client.doc, () => matches(o.client.doc, expectedFor(o.room)), remaining()))) {
      observerProblems.push(`an observer in room ${o.room} lacks some writers' last edit`);
    }
  }
  const rooms = [...new Set(observers.map((o) => o.room))];
  for (const room of rooms) {
    const docs = observers.filter((o) => o.room === room).map((o) => o.client.doc);
    if (task.lateJoiner) {
      const late = openFullClient(task.dialect, onInstance(task.rooms[room]!, room + task.observersPerRoom));
      try {
        await late.ready;
        if (!(await until(late.doc, () => matches(late.doc, expectedFor(room)), 5000))) observerProblems.push(`the late joiner in room ${room} lacks some writers' last edit`);
        docs.push(late.doc);
      } catch (err) {
        observerProblems.push(`late joiner: ${(err as Error).message}`);
      }
      observers.push({ room, client: late });
    }
    const reference = docs[0] && JSON.stringify(sorted(docs[0].getMap('dismissals').toJSON()));
    const sv = docs[0] && Buffer.from(Y.encodeStateVector(docs[0])).toString('base64');
    for (const doc of docs.slice(1)) {
      if (JSON.stringify(sorted(doc.getMap('dismissals').toJSON())) !== reference) observerProblems.push(`observers in room ${room} disagree on content`);
      else if (Buffer.from(Y.encodeStateVector(doc)).toString('base64') !== sv) observerProblems.push(`observers in room ${room} disagree on state vectors`);
    }
  }
  const converged = observers.length > 0 && observerProblems.length === 0;
  const lateNote = task.lateJoiner ? ' and a late joiner' : '';
  const convergence = converged
    ? `${observers.length - (task.lateJoiner ? rooms.length : 0)} observer(s)${lateNote} in ${rooms.length} room(s) hold every writer's last edit and agree`
    : observerProblems.join('; ') || 'no observers';

  if (tally.deliveries) writeDeliveries(process.env.PIPELINE_TRACE!, task, tally.deliveries);
  const disconnects = clients.filter((c) => c.closedUnexpectedly).length;
  const reconnects = clients.reduce((sum, c) => sum + c.reconnects, 0);
  const connectFailures = clients.filter((c) => c.failure !== null).length;
  for (const c of clients) c.close();
  for (const o of observers) o.client.destroy();

  const windowSeconds = task.measureMs / 1000;
  return {
    clients: n,
    rooms: task.rooms.length,
    windowMs: task.measureMs,
    edits: {
      sent: tally.editsSent,
      expected: tally.editsExpected,
      delivered: tally.editsDelivered,
      dropped: Math.max(0, tally.editsExpected - tally.editsDelivered),
      reordered: tally.editsReordered,
      latency: summarise(tally.editLatency),
    },
    presence: {
      sent: tally.presenceSent,
      expected: tally.presenceExpected,
      delivered: tally.presenceDelivered,
      coalesced: Math.max(0, tally.presenceExpected - tally.presenceDelivered),
      staleAtEnd,
      reordered: tally.presenceReordered,
      latency: summarise(tally.presenceLatency),
    },
    deliveredPerSecond: Math.round((tally.editsDelivered + tally.presenceDelivered) / windowSeconds),
    framesPerClientPerSecond: Math.round((tally.framesInWindow / n / windowSeconds) * 10) / 10,
    drainMs: Math.round(drainMs),
    connectFailures,
    disconnects,
    reconnects,
    converged,
    convergence,
    generator: {
      cpuPercent: Math.round(((cpuInWindow.user + cpuInWindow.system) / 1000 / task.measureMs) * 1000) / 10,
      eventLoopP99Ms: Math.round(loopDelay.percentile(99) / 1e4) / 100,
      sendLagP99Ms: summarise(sendLag).p99,
    },
  };
}

/**
 * PIPELINE_TRACE: the edits delivered in the window, beside what the servers traced
 * (`server/src/relay/shared/pipelineTrace.ts`), for `tests/bench/sharedTrace.ts`. Times on the
 * wall clock, as the servers write theirs; a receiver's instance follows from its slot (`onInstance`).
 */
function writeDeliveries(dir: string, task: RealtimeTask, flat: number[]): void {
  const origin = performance.timeOrigin;
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += 5) {
    const [sender, seq, receiver, sent, received] = flat.slice(i, i + 5) as [number, number, number, number, number];
    const room = task.rooms[Math.floor(receiver / task.clientsPerRoom)]!;
    // The receiver's instance as onInstance picks it: its slot in the room, round the room's instances (0: the first).
    const instance = (receiver % task.clientsPerRoom) % (1 + (room.elsewhere?.length ?? 0));
    lines.push(JSON.stringify({ room: room.roomName, sender, seq, receiver, instance, sent: origin + sent, received: origin + received }));
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.appendFileSync(path.join(dir, `deliveries-${process.pid}.jsonl`), `${lines.join('\n')}\n`);
}

function sorted(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
}

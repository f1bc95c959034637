import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident memory in bytes, from /proc/<pid>/status. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

/** A process and all its descendants (PostgreSQL's backends are children of its postmaster), from /proc. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // it ended while we looked
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/**
 * Samples the CPU and peak RSS of a server between `start` and `stop`: one process, or (shared mode)
 * every process of it, summed: the instances, PostgreSQL with its backends, and Redis.
 */
export class ProcessSampler {
  private cpuAtStart = new Map<number, number>();
  private startedAt = 0;
  private timer: NodeJS.Timeout | null = null;
  peakRss = 0;
  private readonly pids: () => number[];

  constructor(pids: number | (() => number[])) {
    this.pids = typeof pids === 'number' ? () => [pids] : pids;
  }

  private rss(): number {
    return this.pids().reduce((sum, pid) => sum + (safe(() => rssBytes(pid)) ?? 0), 0);
  }

  start(): void {
    this.cpuAtStart = new Map(this.pids().map((pid) => [pid, cpuSeconds(pid)]));
    this.startedAt = performance.now();
    this.peakRss = this.rss();
    this.timer = setInterval(() => (this.peakRss = Math.max(this.peakRss, this.rss())), 250);
  }

  /** CPU used since start, in seconds and as a percentage of one core, and RSS now and at its peak (MB). */
  stop(): { cpuSeconds: number; cpuPercent: number; rssMb: number; peakRssMb: number } {
    if (this.timer) clearInterval(this.timer);
    const seconds = (performance.now() - this.startedAt) / 1000;
    // A process that started during the window (a new PostgreSQL backend) counts from zero.
    const cpu = this.pids().reduce((sum, pid) => sum + (safe(() => cpuSeconds(pid)) ?? 0) - (this.cpuAtStart.get(pid) ?? 0), 0);
    const rss = this.rss();
    this.peakRss = Math.max(this.peakRss, rss);
    return { cpuSeconds: cpu, cpuPercent: round1((cpu / seconds) * 100), rssMb: round1(rss / 2 ** 20), peakRssMb: round1(this.peakRss / 2 ** 20) };
  }
}

function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined; // the process ended; what was seen of it stands
  }
}

export function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Busy and total CPU ticks of the whole machine, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * CPU the whole machine spent over a window, in % of one core, and how much of it went to
 * processes other than the ones measured: what other work on a shared machine took.
 */
export class MachineSampler {
  private start = machineTicks();
  private readonly pids: number[];
  private readonly own = new Map<number, number>();
  private startedAt = performance.now();

  constructor(pids: number[]) {
    this.pids = pids;
    this.restart();
  }

  restart(): void {
    this.start = machineTicks();
    this.startedAt = performance.now();
    for (const pid of this.pids) this.own.set(pid, safeCpu(pid));
  }

  stop(): { machinePercent: number; outsidePercent: number } {
    const end = machineTicks();
    const seconds = (performance.now() - this.startedAt) / 1000;
    const machine = (end.busy - this.start.busy) / TICKS_PER_SECOND / seconds;
    const ours = this.pids.reduce((sum, pid) => sum + Math.max(0, safeCpu(pid) - (this.own.get(pid) ?? 0)), 0) / seconds;
    return { machinePercent: round1(machine * 100), outsidePercent: round1(Math.max(0, machine - ours) * 100) };
  }
}

function safeCpu(pid: number): number {
  try {
    return cpuSeconds(pid);
  } catch {
    return 0;
  }
}

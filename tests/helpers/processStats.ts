import fs from 'node:fs';
import type { ServerProcess } from './server.ts';

/** Resident memory of a process in bytes, from /proc/<pid>/status (Linux). */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

/**
 * The server's memory right after full garbage collections (it must be spawned with `probe`):
 * the live size, the same whenever it is asked, where a plain sample lands anywhere between
 * collections. Two collections, as the benchmark does: the second frees what the first's
 * finalisers released.
 */
export async function liveMemory(server: ServerProcess): Promise<NodeJS.MemoryUsage> {
  await askMemory(server);
  return askMemory(server);
}

function askMemory(server: ServerProcess): Promise<NodeJS.MemoryUsage> {
  const { child } = server;
  if (!child.connected) throw new Error('the server was spawned without the probe, or has exited');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server probe did not answer a memory request')), 30_000);
    const onMessage = (message: { probe?: string } & NodeJS.MemoryUsage) => {
      if (message?.probe !== 'memory') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send({ probe: 'memory', gc: true });
  });
}

import fs from 'node:fs';
import { checkTargets } from './bench/targets.ts';
const results = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8'));
for (const t of checkTargets(results, 100)) console.log(`${t.id}: ${t.measured} | ${t.ratio} | ${t.holds}`);
const s = results.oneRoom;
for (const k of Object.keys(s.runs)) console.log(k, 'rounds', s.rounds[k], 'p99', s.runs[k].map((r: any) => r.edits.latency.p99), 'cpu', s.runs[k].map((r: any) => r.server.cpuPercent), 'frames/s', s.runs[k].map((r: any) => r.framesPerClientPerSecond), 'others', s.runs[k].map((r: any) => r.server.outsideCpuPercent), 'deliv/s', s.runs[k].map((r: any) => r.deliveredPerSecond), 'conv', s.runs[k].map((r: any) => r.converged));

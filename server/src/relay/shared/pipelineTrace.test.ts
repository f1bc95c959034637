import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineTrace } from './pipelineTrace.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('PipelineTrace', () => {
  it.each([
    { update: '', markers: [] },
    { update: '\x01\x02~E12:7:123456~\x00', markers: ['12:7'] },
    { update: '~E1:0:5~~E2:3:9~', markers: ['1:0', '2:3'] },
    { update: '~P4:1:77~', markers: [] },
    { update: '~E4:1~ ~Ex:1:2~', markers: [] },
  ])('finds the edit markers in $update', ({ update, markers }) => {
    expect(PipelineTrace.markers(bytes(update))).toEqual(markers);
  });

  it('is off without PIPELINE_TRACE, and writes one JSON line per step when stopped', () => {
    expect(PipelineTrace.fromEnv('bench-1', '')).toBeNull();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipeline-trace-'));
    const trace = PipelineTrace.fromEnv('bench/1', dir)!;
    trace.record({ k: 'bus', room: 'r', doc: 'board', seq: 3, t: 1, outcome: 'gap' });
    trace.record({ k: 'apply', room: 'r', doc: 'board', seq: 3, t: 2, via: 'log' });
    trace.stop();
    const lines = fs.readFileSync(path.join(dir, 'bench_1.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { k: string }).k)).toEqual(['bus', 'apply']);
    fs.rmSync(dir, { recursive: true });
  });
});

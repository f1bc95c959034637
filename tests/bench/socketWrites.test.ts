import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SocketWriteTally } from './socketWrites.ts';

// The probe's count behind "at most one frame per client per turn", on a real TCP server in its
// own process: three chunks, each in its own turn, answered as each case says.
const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'socketWritesFixture.ts');
const results = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', fixture], { encoding: 'utf8' })) as Record<string, SocketWriteTally>;

describe('writes per socket per turn', () => {
  it.each<[string, SocketWriteTally]>([
    ['one write as the message arrives', { socketTurns: 3, writes: 3, socketTurnsWithMore: 0, maxInOneTurn: 1 }],
    ['two writes as the message arrives', { socketTurns: 3, writes: 6, socketTurnsWithMore: 3, maxInOneTurn: 2 }],
    ['two writes in one corked batch', { socketTurns: 3, writes: 3, socketTurnsWithMore: 0, maxInOneTurn: 1 }],
    ['one write at the end of the turn, behind a stale immediate', { socketTurns: 3, writes: 3, socketTurnsWithMore: 0, maxInOneTurn: 1 }],
    ['a write at the end of each of two turns, the second queued before the first write', { socketTurns: 6, writes: 6, socketTurnsWithMore: 0, maxInOneTurn: 1 }],
    // A turn starts at a check phase, so the second write, in the check phase after the first, starts the next turn.
    ['one write now and one in the check phase after it', { socketTurns: 6, writes: 6, socketTurnsWithMore: 0, maxInOneTurn: 1 }],
  ])('%s', (name, expected) => {
    expect(results[name]).toEqual(expected);
  });
});

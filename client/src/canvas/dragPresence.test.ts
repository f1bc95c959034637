import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DragPresence, type Dragging } from './dragPresence.ts';

type Op = ['start', string] | ['move', string, number] | ['end'] | ['wait', number];

/** What presence holds after each post: a note's id and x while dragged, '-' once cleared. */
function run(ops: readonly Op[]): string[] {
  const posted: string[] = [];
  const drag = new DragPresence('context', (d: Dragging | undefined) => posted.push(d ? `${d.id}@${d.x}` : '-'), 50);
  for (const op of ops) {
    if (op[0] === 'start') drag.start(op[1]);
    else if (op[0] === 'move') drag.move(op[1], op[2], 0);
    else if (op[0] === 'end') drag.end();
    else vi.advanceTimersByTime(op[1]);
  }
  vi.advanceTimersByTime(1000);
  return posted;
}

describe('DragPresence', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it.each<[string, Op[], string[]]>([
    ['a drag: moves go out throttled, the drop clears', [['start', 'a'], ['move', 'a', 1], ['wait', 60], ['move', 'a', 2], ['end']], ['a@1', 'a@2', '-']],
    ['a move pending at the drop is never sent', [['start', 'a'], ['move', 'a', 1], ['move', 'a', 2], ['end']], ['a@1', '-']],
    // The stale ghost: dnd-kit's last move arrives after its drop was handled.
    ['a move after the drop is dropped, at once or later', [['start', 'a'], ['move', 'a', 1], ['wait', 60], ['end'], ['move', 'a', 9], ['wait', 60], ['move', 'a', 10]], ['a@1', '-']],
    ['a move of another note than the one dragged is dropped', [['start', 'a'], ['move', 'b', 1], ['end']], ['-']],
    ['an end with no drag on (a cluster dropped, the canvas closed) posts nothing', [['end'], ['move', 'a', 1], ['end']], []],
    ['a second end posts nothing more', [['start', 'a'], ['end'], ['end']], ['-']],
    ['a new drag without an end clears the first', [['start', 'a'], ['move', 'a', 1], ['start', 'b'], ['wait', 60], ['move', 'b', 2], ['end']], ['a@1', '-', 'b@2', '-']],
  ])('%s', (_name, ops, expected) => {
    expect(run(ops)).toEqual(expected);
  });
});

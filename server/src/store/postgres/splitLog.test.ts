import { describe, expect, it } from 'vitest';
import { splitLog } from './pgDocLog.ts';

/** READ_DOCS's concatenation: each row's length as 4 bytes, big-endian, then the row. */
const framed = (...rows: number[][]) =>
  Buffer.concat(
    rows.flatMap((row) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(row.length);
      return [length, Buffer.from(row)];
    }),
  );

describe('splitLog', () => {
  it.each([
    { name: 'one row', bytes: framed([7, 8, 9]), first: 5, count: 1, rows: [[5, [7, 8, 9]]] },
    { name: 'rows numbered from the first, in order', bytes: framed([1], [2, 2], [3, 3, 3]), first: 10, count: 3, rows: [[10, [1]], [11, [2, 2]], [12, [3, 3, 3]]] },
    { name: 'an empty row among others', bytes: framed([1], [], [3]), first: 1, count: 3, rows: [[1, [1]], [2, []], [3, [3]]] },
    { name: 'a row longer than 255 bytes (the length is big-endian)', bytes: framed(Array.from({ length: 300 }, (_, i) => i % 256)), first: 1, count: 1, rows: [[1, Array.from({ length: 300 }, (_, i) => i % 256)]] },
  ])('splits $name', ({ bytes, first, count, rows }) => {
    expect(splitLog(bytes, first, count).map((row) => [row.seq, [...row.data]])).toEqual(rows);
  });

  it.each([
    { name: 'fewer rows than counted', bytes: framed([1], [2]), count: 3, error: 'the log holds 2 rows where 3 were counted' },
    { name: 'more rows than counted', bytes: framed([1], [2]), count: 1, error: 'the log holds more than the 1 rows counted' },
    { name: 'a row cut short', bytes: framed([1, 2, 3]).subarray(0, 6), count: 1, error: 'log row 1 runs past the end of what was read' },
  ])('refuses $name', ({ bytes, count, error }) => {
    expect(() => splitLog(bytes, 1, count)).toThrow(error);
  });

  it('copies nothing: each row is a view of what was read', () => {
    const bytes = framed([1, 2], [3]);
    const [a, b] = splitLog(bytes, 1, 2);
    expect(a!.data.buffer).toBe(bytes.buffer);
    expect(b!.data.buffer).toBe(bytes.buffer);
    expect(Object.getPrototypeOf(a!.data)).toBe(Uint8Array.prototype);
  });
});

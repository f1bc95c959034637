import { describe, expect, it } from 'vitest';
import { runCanvasBench } from '../bench/browser/canvasBench.ts';

/**
 * The canvas benchmark (BENCHMARKS.md, "The canvas in Chromium") at tiny scale, on the built
 * client: every case runs end to end and the page shows what the remote people did. Results and
 * render counts are asserted, never timings (those belong to the full run).
 */
describe('the canvas benchmark at tiny scale', () => {
  it('runs idle, drag-and-edit and cursor cases; the page follows every remote change and re-renders only the notes that changed', async () => {
    const result = await runCanvasBench({ notes: 20, seconds: 2, dragsPerSecond: 30, editsPerSecond: 5, cursors: 3, cursorHz: 20, profile: false }, () => {}, { build: false });
    const byName = Object.fromEntries(result.cases.map((c) => [c.name, c]));
    expect(Object.keys(byName)).toEqual(['idle', 'drag and edit', 'cursors']);

    const drag = byName['drag and edit']!;
    expect(drag.shown).toMatchObject({ lastEdit: true, lastDrop: true });
    expect(drag.perUpdate.count + drag.perUpdateWithLayout.count).toBeGreaterThanOrEqual(10);
    expect(drag.perPresence.count).toBeGreaterThan(0);
    // Every update is filed under its kind: the two drops (one a second, each its own message) and the text edits.
    const count = (kind: 'drop' | 'text edit') => (drag.perUpdateByKind[kind]?.script.count ?? 0) + (drag.perUpdateByKind[kind]?.withLayout.count ?? 0);
    expect(count('drop')).toBe(2);
    expect(count('text edit')).toBeGreaterThanOrEqual(5);
    expect(count('drop') + count('text edit')).toBe(drag.perUpdate.count + drag.perUpdateWithLayout.count);
    // A remote edit or drop re-renders the note it names, not all 20 (dnd-kit's sensors once re-rendered every note).
    expect(drag.renders.boardUpdates).toBeGreaterThanOrEqual(10);
    expect(drag.renders.perBoardUpdate).toBeLessThanOrEqual(1.5);
    // A text edit re-renders its note and nothing above it: the canvas (the step's notes, the layout, the drawing) re-renders for drops alone.
    expect(drag.renders.drops).toBe(2);
    expect(drag.renders.canvasRenders).toBeGreaterThanOrEqual(1);
    expect(drag.renders.canvasRenders).toBeLessThanOrEqual(drag.renders.drops);

    const cursors = byName.cursors!;
    expect(cursors.shown.cursors).toBe(3);
    expect(cursors.perPresence.count).toBeGreaterThan(0);
    // Cursors move in their own layer: no note re-renders for them.
    expect(cursors.renders.noteRenders).toBe(0);
    for (const c of result.cases) expect(c.frames.frames).toBeGreaterThan(0);
  });
});

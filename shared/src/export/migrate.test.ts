import { describe, expect, it } from 'vitest';
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { ExportFormatError } from './errors.ts';
import { buildExport } from './fromBoard.ts';
import { migrateExport } from './migrate.ts';
import sampleV1 from './__fixtures__/sample.export.v1.json' with { type: 'json' };
import sampleV2 from './__fixtures__/sample.export.v2.json' with { type: 'json' };

/** A valid export as plain JSON, to break one field at a time. */
function validJson(): Record<string, unknown> {
  const { board, control } = sampleBoard();
  return JSON.parse(JSON.stringify(buildExport(board, control, FIXED_NOW))) as Record<string, unknown>;
}

type Path = readonly (string | number)[];

/** The valid export with the value at each path replaced (`undefined` deletes the field). */
function broken(...edits: [Path, unknown][]): unknown {
  const file = validJson();
  for (const [path, value] of edits) {
    let node = file as Record<PropertyKey, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
    const last = path[path.length - 1] as string | number;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return file;
}

describe('migrateExport', () => {
  it('upgrades a version 2 export: the same board, its notes unplaced, no clusters, one card chosen', () => {
    const upgraded = migrateExport(sampleV2);
    expect(upgraded.version).toBe(3);
    expect(upgraded.clusters).toEqual([]);
    expect(upgraded.objective?.decision.fromNotes).toEqual([]);
    for (const note of [...upgraded.context, ...upgraded.candidates, ...upgraded.keyResults, ...upgraded.initiatives]) expect(note.place).toBeNull();
    expect(upgraded.keyResults.map((kr) => kr.clusterId)).toEqual(sampleV2.keyResults.map(() => null));
    expect(upgraded.candidates.map((c) => [c.id, c.clusterId])).toEqual(sampleV2.candidates.map((c) => [c.id, c.clusterId]));
  });

  it('reads a version 3 export as is', () => {
    const file = validJson();
    expect(migrateExport(file)).toEqual(file);
  });

  it('upgrades a version 1 export: the same board, with the default plan and no recorded time', () => {
    const upgraded = migrateExport(sampleV1);
    const { agenda, version, ...rest } = upgraded;
    const { version: _v1, ...v1Rest } = sampleV1 as Record<string, unknown>;
    expect(version).toBe(3);
    // Everything the version 1 file said is still there; the later versions only added fields.
    expect(rest).toMatchObject(v1Rest);
    expect(agenda.map((row) => [row.step, row.plannedMinutes, row.actualMinutes])).toEqual([
      ['context', 10, null],
      ['draft', 20, null],
      ['pick', 10, null],
      ['park', 10, null],
      ['brainstorm', 25, null],
      ['refine', 15, null],
    ]);
  });

  it.each<[string, unknown, string]>([
    ['a baseline written as text', broken([['keyResults', 2, 'baseline'], '58%']), 'keyResults[2].baseline: expected a number, got "58%"'],
    ['a missing key-result title', broken([['keyResults', 0, 'title'], undefined]), 'keyResults[0].title: is missing (expected text)'],
    ['an unknown direction', broken([['keyResults', 1, 'direction'], 'up']), 'keyResults[1].direction: expected "increase" or "decrease" or "at-least" or "at-most", got "up"'],
    ['a confidence above 1', broken([['keyResults', 0, 'confidence'], 7]), 'keyResults[0].confidence: must be at most 1'],
    ['a deadline in another date format', broken([['keyResults', 0, 'deadline'], '30/09/2026']), 'keyResults[0].deadline: dates are written YYYY-MM-DD, got "30/09/2026"'],
    ['an owner email that is not one', broken([['keyResults', 0, 'owner', 'email'], 'ana at example']), 'keyResults[0].owner.email: expected an email address, got "ana at example"'],
    ['a context link that is not a web address', broken([['context', 0, 'link'], 'wiki page']), 'context[0].link: expected a web address (https://…), got "wiki page"'],
    ['an unknown candidate status', broken([['candidates', 0, 'status'], 'maybe']), 'candidates[0].status: expected "chosen" or "parked" or "discarded" or "unsorted", got "maybe"'],
    ['a list where an object belongs', broken([['tracking'], []]), 'tracking: expected an object, got a list'],
    ['an export time without a zone', broken([['exportedAt'], '2026-07-03 10:00']), 'exportedAt: expected an ISO date-time such as 2026-07-01T09:00:00.000Z, got "2026-07-03 10:00"'],
    ['a title longer than the limit', broken([['objective', 'title'], 'x'.repeat(501)]), 'objective.title: is longer than the limit of 500 characters'],
    ['a negative vote count', broken([['candidates', 1, 'votes'], -1]), 'candidates[1].votes: must be at least 0'],
    ['something that is not an object', 'hello', '(file): expected a JSON object'],
    ['another format', { format: 'trello-board', version: 1 }, 'format: expected "okr-workshop-board/export", got "trello-board"'],
    ['a pre-work file', { format: 'okr-workshop-board/prework', version: 1 }, 'this is a pre-work file; open it with Import'],
    ['a newer version', broken([['version'], 4]), 'version: 4 is newer than this app reads (up to 3); update the app to open it'],
    ['no version', broken([['version'], undefined]), 'version: expected a version number such as 3, got nothing'],
    ['a note place that is not a point', broken([['candidates', 0, 'place'], 'top left']), 'candidates[0].place: expected an object, got "top left"'],
    ['an actual time that is not a number', broken([['agenda', 0, 'actualMinutes'], 'ten']), 'agenda[0].actualMinutes: expected a number, got "ten"'],
  ])('rejects %s, naming the field', (_name, input, line) => {
    expect(() => migrateExport(input)).toThrow(ExportFormatError);
    expect(() => migrateExport(input)).toThrow(line);
  });

  it('lists every problem, not just the first', () => {
    const input = broken([['keyResults', 0, 'baseline'], 'a'], [['keyResults', 1, 'target'], 'b']);
    try {
      migrateExport(input);
      expect.unreachable('an invalid export was accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(ExportFormatError);
      expect((error as ExportFormatError).issues.map((issue) => issue.path)).toEqual(['keyResults[0].baseline', 'keyResults[1].target']);
    }
  });
});

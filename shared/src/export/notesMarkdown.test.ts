import { describe, expect, it } from 'vitest';
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { buildExport } from './fromBoard.ts';
import { exportToMarkdown } from './markdown.ts';
import { notesSection } from './notesMarkdown.ts';

describe('discussion notes', () => {
  it('are exported in step order, blank ones left out', () => {
    const { board, control } = sampleBoard();
    control.setNotes('pick', 'Mobile parity was close second.');
    control.setNotes('draft', 'Two themes: checkout, loyalty.');
    control.setNotes('park', '   ');
    expect(buildExport(board, control, FIXED_NOW).workshop.discussionNotes).toEqual([
      { step: 'draft', text: 'Two themes: checkout, loyalty.' },
      { step: 'pick', text: 'Mobile parity was close second.' },
    ]);
  });

  it('leave no field on a board without notes', () => {
    const { board, control } = sampleBoard();
    expect(buildExport(board, control, FIXED_NOW).workshop).not.toHaveProperty('discussionNotes');
  });

  it('clearing a step’s notes removes them', () => {
    const { board, control } = sampleBoard();
    control.setNotes('draft', 'Something');
    control.setNotes('draft', '');
    expect(control.state().notes).toEqual({});
    expect(buildExport(board, control, FIXED_NOW).workshop).not.toHaveProperty('discussionNotes');
  });

  it.each([
    ['no notes', [], ''],
    ['one step, a list item per line', [{ step: 'draft' as const, text: 'Decided: one theme\n\nOpen: who owns loyalty?' }], '## Discussion notes\n\n### Draft objectives\n\n- Decided: one theme\n- Open: who owns loyalty?'],
    [
      'two steps, escaped',
      [
        { step: 'context' as const, text: '# not a heading' },
        { step: 'refine' as const, text: 'see [link](http://x)' },
      ],
      '## Discussion notes\n\n### Context\n\n- \\# not a heading\n\n### SMART refine\n\n- see \\[link\\](http://x)',
    ],
  ])('Markdown section: %s', (_name, discussionNotes, expected) => {
    const { board, control } = sampleBoard();
    const exported = buildExport(board, control, FIXED_NOW);
    const file = { ...exported, workshop: { ...exported.workshop, discussionNotes } };
    expect(notesSection(file, (text) => text.replace(/^#/, '\\#').replace(/[[\]]/g, '\\$&'))).toBe(expected);
    if (expected) expect(exportToMarkdown(file)).toContain(expected.replace(/\\#/g, '\\#'));
  });
});

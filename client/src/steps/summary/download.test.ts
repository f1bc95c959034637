import { describe, expect, it } from 'vitest';
import { BoardDoc, ControlDoc } from '@okr/shared/doc';
import { buildExport, exportToCsv, exportToMarkdown, okrExportSchema } from '@okr/shared/export';
import { exportFile, exportSlug } from './download.ts';

describe('exportSlug', () => {
  it.each([
    ['Q3 OKRs – Checkout', 'q3-okrs-checkout'],
    ['  Équipe Café: Q4!  ', 'equipe-cafe-q4'],
    ['***', 'workshop'],
    ['', 'workshop'],
    ['a'.repeat(59) + ' b', 'a'.repeat(59)],
  ])('%j → %j', (title, slug) => {
    expect(exportSlug(title)).toBe(slug);
  });
});

describe('exportFile', () => {
  const board = new BoardDoc();
  board.updateWorkshop({ title: 'Q3 OKRs – Checkout' });
  board.addKeyResult({ title: 'Checkout conversion rate from 58% to 65%' });
  const file = buildExport(board, new ControlDoc(), new Date('2026-06-20T10:00:00Z'));

  it.each([
    ['json', 'okr-export-q3-okrs-checkout.json', 'application/json'],
    ['md', 'okr-export-q3-okrs-checkout.md', 'text/markdown;charset=utf-8'],
    ['csv', 'okr-export-q3-okrs-checkout.csv', 'text/csv;charset=utf-8'],
  ] as const)('%s is named and typed for download', (format, name, type) => {
    expect(exportFile(file, format)).toMatchObject({ name, type });
  });

  it('writes what the shared functions write', () => {
    expect(okrExportSchema.parse(JSON.parse(exportFile(file, 'json').text))).toEqual(file);
    expect(exportFile(file, 'md').text).toBe(exportToMarkdown(file));
    expect(exportFile(file, 'csv').text).toBe(exportToCsv(file));
  });
});

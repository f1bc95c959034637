import { describe, expect, it } from 'vitest';
import { FIXED_NOW, sampleBoard } from './__fixtures__/sampleBoard.ts';
import { CSV_COLUMNS, csvCell, exportToCsv } from './csv.ts';
import type { OkrExport } from './format.ts';
import { buildExport } from './fromBoard.ts';

function sampleExport(): OkrExport {
  const { board, control } = sampleBoard();
  return buildExport(board, control, FIXED_NOW);
}

describe('csvCell', () => {
  it.each<[string | number | null, string]>([
    ['plain', 'plain'],
    [null, ''],
    [65, '65'],
    [-5, '-5'],
    [0.6, '0.6'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    // Formula injection: a leading = + - @ (or tab, CR) is defused with a quote…
    ['=HYPERLINK("http://evil.example","x")', '"\'=HYPERLINK(""http://evil.example"",""x"")"'],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    // …unless the cell is a plain number, which must stay a number.
    ['-5', '-5'],
    ['+3.5', '+3.5'],
    ['-1e3', '-1e3'],
    ['-5%', "'-5%"],
  ])('writes %j as %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('exportToCsv', () => {
  it('starts with the importer columns and ends lines with CRLF', () => {
    const csv = exportToCsv(sampleExport());
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes one row per key result with the objective repeated', () => {
    const rows = exportToCsv(sampleExport()).trimEnd().split('\r\n');
    expect(rows).toHaveLength(1 + 4);
    expect(rows[1]).toBe(
      'Checkout feels effortless for returning customers,"Returning customers pay in seconds, on any device.",' +
        'Checkout conversion rate from 58% to 65% by 30 Sep,Checkout conversion rate,%,metric,increase,58,65,2026-09-30,Ana Lima,ana@example.com,3 / 5,lagging',
    );
    expect(rows[4]).toBe(
      'Checkout feels effortless for returning customers,"Returning customers pay in seconds, on any device.",' +
        'Build a tool to remind people of their shopping cart,,,,,,,,,,,',
    );
  });

  it('keeps an objective without key results as one row', () => {
    const file = { ...sampleExport(), keyResults: [] };
    expect(exportToCsv(file).trimEnd().split('\r\n')).toEqual([CSV_COLUMNS.join(','), `Checkout feels effortless for returning customers,"Returning customers pay in seconds, on any device.",,,,,,,,,,,,`]);
  });

  it('defuses a key result that starts like a formula', () => {
    const base = sampleExport();
    const [first] = base.keyResults;
    if (!first) throw new Error('the sample board has key results');
    const file = { ...base, keyResults: [{ ...first, title: '=cmd|" /C calc"!A0', baseline: -5 }] };
    const row = exportToCsv(file).split('\r\n')[1] ?? '';
    expect(row).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(row).toContain(',-5,');
  });
});

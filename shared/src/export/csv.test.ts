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
  const CYCLE = 'Q3 2026,2026-07-01,2026-09-30';
  const OBJECTIVE = 'Checkout feels effortless for returning customers,"Returning customers pay in seconds, on any device."';

  it('starts with the importer columns and ends lines with CRLF', () => {
    const csv = exportToCsv(sampleExport());
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('writes key results, then initiatives, then parked items, one row each with its type', () => {
    const rows = exportToCsv(sampleExport()).trimEnd().split('\r\n').slice(1);
    expect(rows.map((row) => row.split(',')[0])).toEqual(['key_result', 'key_result', 'key_result', 'key_result', 'initiative', 'initiative', 'parked', 'parked']);
  });

  it.each([
    [
      'a key result, with the cycle and the objective repeated',
      1,
      `key_result,kr-conversion,${CYCLE},${OBJECTIVE},Checkout conversion rate from 58% to 65% by 30 Sep,Checkout conversion rate,%,metric,increase,58,65,2026-09-30,Ana Lima,ana@example.com,3 / 5,lagging,,,,,0.6`,
    ],
    ['a key result still missing its fields', 4, `key_result,kr-reminder,${CYCLE},${OBJECTIVE},Build a tool to remind people of their shopping cart,,,,,,,,,,,,,,,,`],
    ['an initiative with the key results it serves and its owner', 5, `initiative,init-reminder,${CYCLE},${OBJECTIVE},Cart reminder emails,,,,,,,,Dan Weiss,dan@example.com,,,"kr-abandon,kr-conversion",,,,`],
    ['an unlinked initiative', 6, `initiative,init-design,${CYCLE},${OBJECTIVE},Refresh the design system,,,,,,,,,,,,,,,,`],
    [
      'a parked item with reason, owner and revisit date, outside the objective',
      7,
      `parked,parked-mobile,${CYCLE},,,Mobile app reaches parity with web,,,,,,,,Ben Okafor,ben@example.com,,,,Depends on the platform team's Q4 release,2026-10-01,,`,
    ],
    ['a parked item without a reason', 8, `parked,parked-ops,${CYCLE},,,Automate refunds,,,,,,,,,,,,,,,,`],
  ])('writes %s', (_what, index, row) => {
    expect(exportToCsv(sampleExport()).split('\r\n')[index]).toBe(row);
  });

  it('keeps an objective without key results as one row', () => {
    const file = { ...sampleExport(), keyResults: [], initiatives: [], parked: [] };
    expect(exportToCsv(file).trimEnd().split('\r\n')).toEqual([CSV_COLUMNS.join(','), `objective,,${CYCLE},${OBJECTIVE},,,,,,,,,,,,,,,,,`]);
  });

  it('names the Brainstorm cluster a key result or initiative sits in', () => {
    const base = sampleExport();
    const [kr, ...rest] = base.keyResults;
    const [initiative, ...others] = base.initiatives;
    const clusters = [{ id: 'cl-speed', step: 'brainstorm' as const, name: 'Speed', place: { x: 0, y: 0 }, noteIds: [kr!.id, initiative!.id] }];
    const file = { ...base, clusters, keyResults: [{ ...kr!, clusterId: 'cl-speed' }, ...rest], initiatives: [{ ...initiative!, clusterId: 'cl-speed' }, ...others] };
    const cells = exportToCsv(file).split('\r\n').map((row) => parseCsvLine(row)[CSV_COLUMNS.indexOf('cluster')]);
    expect(cells.slice(0, 7)).toEqual(['cluster', 'Speed', '', '', '', 'Speed', '']);
  });

  it.each<[string, number | null, string, string]>([
    ['a kept average', 0.66, '3.3 / 5', '0.66'],
    ['a half finger', 0.7, '3.5 / 5', '0.7'],
    ['no confidence at all', 0, '0 / 5', '0'],
    ['full confidence', 1, '5 / 5', '1'],
    ['none kept yet', null, '', ''],
  ])('writes confidence for people and as a number: %s', (_what, confidence, label, value) => {
    const base = sampleExport();
    const file = { ...base, keyResults: base.keyResults.map((kr) => ({ ...kr, confidence })) };
    const row = parseCsvLine(exportToCsv(file).split('\r\n')[1] ?? '');
    expect([row[CSV_COLUMNS.indexOf('confidence')], row[CSV_COLUMNS.indexOf('confidence_value')]]).toEqual([label, value]);
  });

  it('writes owners as separate name and email columns, an address alone in the email column', () => {
    const base = sampleExport();
    const file = { ...base, parked: base.parked.map((item) => ({ ...item, owner: { name: '', email: 'ops@example.com' } })) };
    const row = exportToCsv(file).split('\r\n')[8] ?? '';
    const columns = row.split(',');
    expect([columns[CSV_COLUMNS.indexOf('owner_name')], columns[CSV_COLUMNS.indexOf('owner_email')]]).toEqual(['', 'ops@example.com']);
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

  it('defuses initiative and parked text too', () => {
    const base = sampleExport();
    const file = {
      ...base,
      initiatives: base.initiatives.map((initiative) => ({ ...initiative, title: '@SUM(A1)' })),
      parked: base.parked.map((item) => ({ ...item, reason: '=1+1' })),
    };
    const csv = exportToCsv(file);
    expect(csv).toContain(",'@SUM(A1),");
    expect(csv).toContain(",'=1+1,");
  });

  it.each([
    ['first', (other: string) => ['-kr1', other]],
    ['after another', (other: string) => [other, '-kr1']],
  ])("writes an initiative's key result ids as their own rows write them, a dashed id %s", (_where, served) => {
    const base = sampleExport();
    const [kr, other] = base.keyResults;
    const [initiative] = base.initiatives;
    if (!kr || !other || !initiative) throw new Error('the sample board has two key results and an initiative');
    const file = {
      ...base,
      keyResults: [{ ...kr, id: '-kr1' }, ...base.keyResults.slice(1)],
      initiatives: [{ ...initiative, keyResultIds: served(other.id) }, ...base.initiatives.slice(1)],
    };
    const rows = exportToCsv(file).split('\r\n').map(parseCsvLine);
    const column = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const ids = new Set(rows.filter((row) => row[column('row_type')] === 'key_result').map((row) => row[column('id')]));
    const links = rows.find((row) => row[column('row_type')] === 'initiative')?.[column('serves_key_results')]?.split(',') ?? [];
    expect(ids.has("'-kr1")).toBe(true);
    expect(links).toHaveLength(2);
    for (const id of links) expect(ids.has(id), `${id} names a key-result row`).toBe(true);
  });
});

/** Splits one CSV line by RFC 4180 (quoted fields may hold commas and doubled quotes). */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  return [...fields, field];
}

import type { ExportInitiative, ExportKeyResult, ExportOwner, ExportParkedItem, OkrExport } from './format.ts';
import { confidenceLabel } from './labels.ts';

/**
 * One row per key result, initiative and parked item, told apart by `row_type`; the cycle and the
 * objective on each row, owners as separate name and email columns. The names follow the layouts
 * OKR tools document for CSV import (docs/export-format.md says which), so each maps one to one.
 */
export const CSV_COLUMNS = [
  'row_type',
  'id',
  'cycle',
  'cycle_start',
  'cycle_end',
  'objective',
  'objective_description',
  'title',
  'metric',
  'unit',
  'type',
  'direction',
  'start_value',
  'target_value',
  'due_date',
  'owner_name',
  'owner_email',
  'confidence',
  'lead_lag',
  'serves_key_results',
  'reason',
  'revisit_date',
  'cluster',
  // Columns are only ever added at the end, so a reader that goes by position keeps working.
  'confidence_value',
] as const;

/** What a row is: `objective` only stands in for key results when there are none, so the objective is not lost. */
export const CSV_ROW_TYPES = ['key_result', 'initiative', 'parked', 'objective'] as const;

type CsvValue = string | number | null;
type CsvColumn = (typeof CSV_COLUMNS)[number];
type CsvRow = Partial<Record<CsvColumn, CsvValue>>;

/** RFC 4180 quoting and CRLF line ends; columns a row type has no use for are empty. */
export function exportToCsv(file: OkrExport): string {
  const { label, start, end } = file.workshop.cycle;
  const cycle: CsvRow = { cycle: label, cycle_start: start, cycle_end: end };
  const objective: CsvRow = { objective: file.objective?.title ?? null, objective_description: file.objective?.description ?? null };
  // The Brainstorm canvas's cluster a key result or initiative sits in, by name: how the team grouped the work.
  const clusterNames = new Map(file.clusters.map((c) => [c.id, c.name]));
  const cluster = (note: { clusterId: string | null }): CsvRow => ({ cluster: note.clusterId === null ? null : (clusterNames.get(note.clusterId) ?? null) });
  const keyResults = file.keyResults.length > 0 ? file.keyResults.map((kr) => ({ ...keyResultRow(kr), ...cluster(kr) })) : [{ row_type: 'objective' }];
  const rows: CsvRow[] = [
    ...keyResults.map((row) => ({ ...cycle, ...objective, ...row })),
    ...file.initiatives.map((initiative) => ({ ...cycle, ...objective, ...initiativeRow(initiative), ...cluster(initiative) })),
    // Parked items are not the objective's: they carry the cycle they were parked in, not its objective.
    ...file.parked.map((item) => ({ ...cycle, ...parkedRow(item) })),
  ];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function keyResultRow(kr: ExportKeyResult): CsvRow {
  return {
    row_type: 'key_result',
    id: kr.id,
    title: kr.title,
    metric: kr.metric.name,
    unit: kr.metric.unit,
    type: kr.type,
    direction: kr.direction,
    start_value: kr.baseline,
    target_value: kr.target,
    due_date: kr.deadline,
    ...ownerColumns(kr.owner),
    // "3.3 / 5" for people; the number (as the JSON keeps it) for the sheets and tools that compute with it.
    confidence: kr.confidence == null ? null : confidenceLabel(kr.confidence),
    confidence_value: kr.confidence,
    lead_lag: kr.leadLag,
  };
}

/**
 * The key results it serves by their rows' ids, as importers link child rows to parent rows. Each id
 * is written as its own row's `id` cell writes it (a formula start defused the same way), so the two
 * still match: about one id in 64 starts with '-'.
 */
function initiativeRow(initiative: ExportInitiative): CsvRow {
  return { row_type: 'initiative', id: initiative.id, title: initiative.title, ...ownerColumns(initiative.owner), serves_key_results: initiative.keyResultIds.map(defused).join(',') || null };
}

function parkedRow(item: ExportParkedItem): CsvRow {
  return { row_type: 'parked', id: item.id, title: item.text, ...ownerColumns(item.owner), reason: item.reason || null, revisit_date: item.revisitDate };
}

function ownerColumns(owner: ExportOwner): CsvRow {
  return { owner_name: owner?.name || null, owner_email: owner?.email ?? null };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula starts defused, then RFC 4180 quoting. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  const text = defused(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A formula start defused with a leading `'`; plain numbers such as -5 stay numbers. */
function defused(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

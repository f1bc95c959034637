import type { ExportKeyResult, OkrExport } from './format.ts';
import { confidenceLabel } from './labels.ts';

/** Column names OKR tools' CSV importers map without configuration (one row per key result). */
export const CSV_COLUMNS = [
  'objective',
  'objective_description',
  'key_result',
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
] as const;

type CsvValue = string | number | null;
type CsvRow = Record<(typeof CSV_COLUMNS)[number], CsvValue>;

/**
 * One row per key result with the objective's columns repeated, RFC 4180 quoting and CRLF line ends.
 * An objective without key results still gets one row, so it is not lost on import.
 */
export function exportToCsv(file: OkrExport): string {
  const objective = { objective: file.objective?.title ?? null, objective_description: file.objective?.description ?? null };
  const rows = file.keyResults.length > 0 ? file.keyResults.map((kr) => ({ ...objective, ...keyResultColumns(kr) })) : [{ ...objective, ...keyResultColumns(null) }];
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

function keyResultColumns(kr: ExportKeyResult | null): Omit<CsvRow, 'objective' | 'objective_description'> {
  return {
    key_result: kr?.title ?? null,
    metric: kr?.metric.name ?? null,
    unit: kr?.metric.unit ?? null,
    type: kr?.type ?? null,
    direction: kr?.direction ?? null,
    start_value: kr?.baseline ?? null,
    target_value: kr?.target ?? null,
    due_date: kr?.deadline ?? null,
    owner_name: kr?.owner?.name || null,
    owner_email: kr?.owner?.email ?? null,
    confidence: kr?.confidence == null ? null : confidenceLabel(kr.confidence),
    lead_lag: kr?.leadLag ?? null,
  };
}

const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
// A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: formula starts defused with a leading `'` (plain numbers such as -5 stay numbers), then RFC 4180 quoting. */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

import { describeIssues } from '../validation/describeIssues.ts';
import { ExportFormatError } from './errors.ts';
import { EXPORT_FORMAT_ID, EXPORT_VERSION, okrExportSchema, type OkrExport } from './format.ts';
import { PREWORK_FORMAT_ID } from './prework.ts';
import { agendaReport } from '../workshop/agenda.ts';

type JsonObject = Record<string, unknown>;

/** Upgrades from version n to n + 1, keyed by n, so every older file keeps opening. */
const MIGRATIONS: Record<number, (file: JsonObject) => JsonObject> = {
  // Version 2 added the agenda: a version 1 file had the default plan, and no recorded time.
  1: (v1) => ({ ...v1, agenda: agendaReport({}, [], 0).map(({ step, plannedMinutes, actualMinutes }) => ({ step, plannedMinutes, actualMinutes })) }),
  // Version 3 added the canvas: notes had no place (they are laid out tidily on import), no cluster had a name, and one card was always chosen.
  2: (v2) => ({
    ...v2,
    context: unplaced(v2.context, true),
    candidates: unplaced(v2.candidates, false),
    keyResults: unplaced(v2.keyResults, true),
    initiatives: unplaced(v2.initiatives, true),
    clusters: [],
    objective: isObject(v2.objective) && isObject(v2.objective.decision) ? { ...v2.objective, decision: { ...v2.objective.decision, fromNotes: [] } } : v2.objective,
  }),
};

/** Each note of a list with no place (and no cluster, where the older version had none); anything else is left for validation to name. */
function unplaced(list: unknown, withCluster: boolean): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((note: unknown) => (isObject(note) ? { ...note, place: null, ...(withCluster ? { clusterId: null } : {}) } : note));
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Reads an export of any known version, upgraded to the current one; throws `ExportFormatError`. */
export function migrateExport(input: unknown): OkrExport {
  let file = requireFormat(input, EXPORT_FORMAT_ID, 'OKR export');
  let version = requireVersion(file, EXPORT_VERSION, 'OKR export');
  while (version < EXPORT_VERSION) {
    const upgrade = MIGRATIONS[version];
    if (!upgrade) throw fileError('version', `${version} has no upgrade path to version ${EXPORT_VERSION}`, 'OKR export');
    file = upgrade(file);
    version += 1;
  }
  return parseExport({ ...file, version });
}

/** Validates a current-version export; `buildExport` uses it on its own output too. */
export function parseExport(input: unknown): OkrExport {
  const result = okrExportSchema.safeParse(input);
  if (!result.success) throw new ExportFormatError(describeIssues(result.error.issues, input));
  return result.data;
}

/** The file is an object with the expected `format`, or a message saying what it seems to be instead. */
export function requireFormat(input: unknown, formatId: string, what: string): JsonObject {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw fileError('(file)', 'expected a JSON object', what);
  }
  const file = input as JsonObject;
  if (file.format !== formatId) {
    const hint =
      file.format === PREWORK_FORMAT_ID || file.format === EXPORT_FORMAT_ID
        ? ` (this is a ${file.format === PREWORK_FORMAT_ID ? 'pre-work file' : 'full export'}; open it with Import)`
        : '';
    throw fileError('format', `expected "${formatId}", got ${JSON.stringify(file.format) ?? 'nothing'}${hint}`, what);
  }
  return file;
}

/** The file's version, when it is a whole number this app can read (newer files need a newer app). */
export function requireVersion(file: JsonObject, current: number, what: string): number {
  const version = file.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw fileError('version', `expected a version number such as ${current}, got ${JSON.stringify(version) ?? 'nothing'}`, what);
  }
  if (version > current) {
    throw fileError('version', `${version} is newer than this app reads (up to ${current}); update the app to open it`, what);
  }
  return version;
}

function fileError(path: string, message: string, what: string): ExportFormatError {
  return new ExportFormatError([{ path, message }], `This file is not a valid ${what}`);
}

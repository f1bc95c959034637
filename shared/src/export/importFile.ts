import { logFromActuals } from '../workshop/agenda.ts';
import { ORIGIN, type BoardDoc, type ControlDoc } from '../doc/index.ts';
import type { CanvasPos } from '../schema/index.ts';
import { describeIssues } from '../validation/describeIssues.ts';
import { ExportFormatError } from './errors.ts';
import { EXPORT_FORMAT_ID, type ExportOwner, type OkrExport } from './format.ts';
import { migrateExport, requireFormat, requireVersion } from './migrate.ts';
import { PREWORK_FORMAT_ID, PREWORK_VERSION, preworkFileSchema, type PreworkFile } from './prework.ts';

/** Either file a board can start from; `format` tells them apart. */
export type ImportFile = OkrExport | PreworkFile;

/**
 * Reads a pre-work file or a full export (any known version), as JSON text or already parsed.
 * Throws `ExportFormatError` naming the offending fields.
 */
export function parseImportFile(input: unknown): ImportFile {
  const value = typeof input === 'string' ? parseJson(input) : input;
  const format = value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (format === EXPORT_FORMAT_ID) return migrateExport(value);
  if (format === PREWORK_FORMAT_ID) return parsePrework(value);
  throw new ExportFormatError(
    [{ path: 'format', message: `expected "${EXPORT_FORMAT_ID}" or "${PREWORK_FORMAT_ID}", got ${JSON.stringify(format) ?? 'nothing'}` }],
    'This file is neither an OKR export nor a pre-work file',
  );
}

export function parsePrework(input: unknown): PreworkFile {
  const what = 'pre-work file';
  requireVersion(requireFormat(input, PREWORK_FORMAT_ID, what), PREWORK_VERSION, what);
  const result = preworkFileSchema.safeParse(input);
  if (!result.success) throw new ExportFormatError(describeIssues(result.error.issues, input), `This file is not a valid ${what}`);
  return result.data;
}

export class BoardNotEmptyError extends Error {
  constructor() {
    super('Import starts a new board: this one already has cards. Create a new board and import there.');
    this.name = 'BoardNotEmptyError';
  }
}

/**
 * Fills a fresh board from a file. Every board write carries `ORIGIN.import`, which undo never tracks.
 * An export comes back with its ids, so export → import → export gives the same OKR content.
 */
export function applyImport(file: ImportFile, board: BoardDoc, control: ControlDoc): void {
  const collections = [board.contextItems, board.candidates, board.parked, board.keyResults, board.initiatives];
  if (collections.some((collection) => collection.list().length > 0)) throw new BoardNotEmptyError();
  if (file.format === EXPORT_FORMAT_ID) applyExport(file, board, control);
  else applyPrework(file, board);
}

function applyExport(file: OkrExport, board: BoardDoc, control: ControlDoc): void {
  board.updateWorkshop(
    {
      title: file.workshop.title,
      team: file.workshop.team ?? undefined,
      cycleLabel: file.workshop.cycle.label ?? undefined,
      cycleStart: file.workshop.cycle.start ?? undefined,
      cycleEnd: file.workshop.cycle.end ?? undefined,
      checkInCadence: file.tracking.checkInCadence ?? undefined,
      firstCheckIn: file.tracking.firstCheckIn ?? undefined,
    },
    ORIGIN.import,
  );
  for (const item of file.context) {
    board.addContextItem({ id: item.id, kind: item.kind, text: item.text, link: item.link ?? undefined, ...notePlace(item) }, ORIGIN.import);
  }
  for (const candidate of file.candidates) {
    board.addCandidate(
      {
        id: candidate.id,
        text: candidate.text,
        authorName: candidate.author ?? undefined,
        ...mergedAuthorsFrom(candidate),
        ...notePlace(candidate),
        discarded: candidate.status === 'discarded' ? true : undefined,
      },
      ORIGIN.import,
    );
  }
  for (const item of file.parked) {
    board.addParkedItem(
      {
        id: item.id,
        text: item.text,
        reason: item.reason,
        ownerName: ownerName(item.owner),
        ownerEmail: item.owner?.email,
        revisitDate: item.revisitDate ?? undefined,
        candidateId: item.candidateId ?? undefined,
      },
      ORIGIN.import,
    );
  }
  for (const kr of file.keyResults) {
    board.addKeyResult(
      {
        id: kr.id,
        title: kr.title,
        metricName: kr.metric.name ?? undefined,
        unit: kr.metric.unit ?? undefined,
        type: kr.type ?? undefined,
        direction: kr.direction ?? undefined,
        baseline: kr.baseline ?? undefined,
        target: kr.target ?? undefined,
        deadline: kr.deadline ?? undefined,
        ownerName: ownerName(kr.owner),
        ownerEmail: kr.owner?.email,
        confidence: kr.confidence ?? undefined,
        leadLag: kr.leadLag ?? undefined,
        ...notePlace(kr),
      },
      ORIGIN.import,
    );
  }
  for (const initiative of file.initiatives) {
    board.addInitiative(
      {
        id: initiative.id,
        title: initiative.title,
        ownerName: ownerName(initiative.owner),
        ownerEmail: initiative.owner?.email,
        keyResultIds: initiative.keyResultIds,
        ...notePlace(initiative),
      },
      ORIGIN.import,
    );
  }
  for (const cluster of file.clusters) board.importCluster({ id: cluster.id, step: cluster.step, name: cluster.name, pos: cluster.place }, ORIGIN.import);
  for (const key of file.dismissedFindings) board.dismissFinding(key, 'import', ORIGIN.import);

  const objective = file.objective;
  if (objective) {
    control.set(
      {
        objective: {
          candidateId: objective.candidateId,
          title: objective.title,
          description: objective.description ?? undefined,
          commitment: objective.commitment,
          contextIds: objective.contextIds,
          tally: objective.decision.tally,
          rationale: objective.decision.rationale ?? undefined,
          decidedAt: objective.decision.decidedAt,
          ...(objective.decision.fromNotes.length > 0 ? { fromNotes: objective.decision.fromNotes } : {}),
        },
      },
      ORIGIN.import,
    );
  }
  const notes = file.workshop.discussionNotes ?? [];
  if (notes.length > 0) control.set({ notes: Object.fromEntries(notes.map((note) => [note.step, note.text])) }, ORIGIN.import);
  // The plan comes along, and the time spent, so the imported room's Summary and export still show it.
  control.set(
    {
      agenda: Object.fromEntries(file.agenda.filter((row) => row.plannedMinutes > 0).map((row) => [row.step, row.plannedMinutes])),
      stepLog: logFromActuals(file.agenda, Date.parse(file.exportedAt)),
    },
    ORIGIN.import,
  );
}

function applyPrework(file: PreworkFile, board: BoardDoc): void {
  const workshop = file.workshop;
  if (workshop) {
    board.updateWorkshop(
      {
        ...(workshop.title !== undefined ? { title: workshop.title } : {}),
        team: workshop.team,
        cycleLabel: workshop.cycle?.label,
        cycleStart: workshop.cycle?.start,
        cycleEnd: workshop.cycle?.end,
        checkInCadence: workshop.checkInCadence,
        firstCheckIn: workshop.firstCheckIn,
      },
      ORIGIN.import,
    );
  }
  for (const item of file.context) board.addContextItem({ kind: item.kind, text: item.text, link: item.link }, ORIGIN.import);
  for (const candidate of file.candidates ?? []) board.addCandidate({ text: candidate.text }, ORIGIN.import);
}

/**
 * A note's place and cluster as the board keeps them. A note without a place (files before version
 * 3, or never placed) gets none, and the canvas lays it out tidily on read.
 */
function notePlace(note: { place: CanvasPos | null; clusterId: string | null }): { pos?: CanvasPos; clusterId?: string } {
  return { ...(note.place ? { pos: note.place } : {}), ...(note.clusterId ? { clusterId: note.clusterId } : {}) };
}

/** The authors after the first become the card's merged authors again (names only: ids stay on the devices). */
function mergedAuthorsFrom(candidate: OkrExport['candidates'][number]): { mergedAuthors?: { name: string }[] } {
  const others = (candidate.authors ?? []).filter((name, index) => index > 0 || name !== candidate.author);
  return others.length > 0 ? { mergedAuthors: others.map((name) => ({ name })) } : {};
}

function ownerName(owner: ExportOwner): string | undefined {
  return owner?.name.trim() ? owner.name : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ExportFormatError([{ path: '(file)', message: `is not valid JSON (${detail})` }], 'This file cannot be read');
  }
}

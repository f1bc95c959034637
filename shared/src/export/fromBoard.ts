import type { BoardDoc, ControlDoc } from '../doc/index.ts';
import { findingKey } from '../review/finding.ts';
import { reviewOkrs } from '../review/reviewOkrs.ts';
import { STEP_IDS, type CanvasPos, type ControlState, type KeyResult, type ParkedItem, type Person } from '../schema/index.ts';
import { candidateStatus, parkedCandidateIds } from '../workshop/candidateStatus.ts';
import { parseOwnerInput } from '../workshop/owner.ts';
import { agendaReport } from '../workshop/agenda.ts';
import { cardAuthors } from '../workshop/merge.ts';
import { EXPORT_FORMAT_ID, EXPORT_VERSION, type ExportCluster, type ExportKeyResult, type OkrExport } from './format.ts';
import { parseExport } from './migrate.ts';

/**
 * The board as an export: the one function behind the server endpoint, the client download and the
 * CLI. Findings are reviewed on the export itself, less those dismissed on the board. The result is
 * validated, so a bug here fails loudly instead of writing a file nobody can import.
 */
export function buildExport(board: BoardDoc, control: ControlDoc, now: Date = new Date()): OkrExport {
  const state = control.state();
  const workshop = board.workshop();
  const context = board.contextItems.list();
  const keyResults = board.keyResults.list();
  const parked = board.parked.list();
  const objective = state.objective;
  const contextIds = new Set(context.map((item) => item.id));
  const keyResultIds = new Set(keyResults.map((kr) => kr.id));
  const votes = new Map(objective?.tally.map((entry) => [entry.candidateId, entry.votes]));
  const parkedIds = parkedCandidateIds(parked);

  const draft: OkrExport = {
    format: EXPORT_FORMAT_ID,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    workshop: {
      title: workshop.title,
      team: workshop.team ?? null,
      cycle: { label: workshop.cycleLabel ?? null, start: workshop.cycleStart ?? null, end: workshop.cycleEnd ?? null },
      ...discussionNotes(state.notes),
    },
    context: context.map((item) => ({ id: item.id, kind: item.kind, text: item.text, link: item.link ?? null, ...canvasPlace(item) })),
    objective: objective && {
      candidateId: objective.candidateId,
      title: objective.title,
      description: objective.description ?? null,
      commitment: objective.commitment,
      // A context card deleted after the decision leaves a dangling id; the export stays self-consistent.
      contextIds: objective.contextIds.filter((id) => contextIds.has(id)),
      decision: { tally: objective.tally, rationale: objective.rationale ?? null, decidedAt: objective.decidedAt, fromNotes: objective.fromNotes ?? [] },
    },
    keyResults: keyResults.map(exportKeyResult),
    initiatives: board.initiatives.list().map((initiative) => ({
      id: initiative.id,
      title: initiative.title,
      owner: ownerOf(initiative.ownerName, initiative.ownerEmail),
      keyResultIds: initiative.keyResultIds.filter((id) => keyResultIds.has(id)),
      ...canvasPlace(initiative),
    })),
    parked: parked.map(exportParkedItem),
    candidates: board.candidates.list().map((candidate) => ({
      id: candidate.id,
      text: candidate.text,
      author: state.anonymous ? null : (candidate.authorName ?? null),
      authors: state.anonymous ? [] : cardAuthors(candidate).map((person) => person.name),
      ...canvasPlace(candidate),
      votes: votes.get(candidate.id) ?? 0,
      status: candidateStatus(candidate, objective, parkedIds),
    })),
    clusters: exportClusters(board),
    tracking: { checkInCadence: workshop.checkInCadence ?? null, firstCheckIn: workshop.firstCheckIn ?? null },
    agenda: agendaReport(state.agenda, state.stepLog, now.getTime()).map(({ step, plannedMinutes, actualMinutes }) => ({
      step: step as OkrExport['agenda'][number]['step'],
      plannedMinutes,
      actualMinutes,
    })),
    findings: [],
    dismissedFindings: [],
  };

  const dismissed = board.dismissedFindings();
  // Dates written without a year ("by 30 Sep") on a board with no cycle are read in the export's year.
  const findings = reviewOkrs(draft, { year: now.getUTCFullYear() }).filter((finding) => !dismissed.has(findingKey(finding)));
  return parseExport({ ...draft, findings, dismissedFindings: [...dismissed].sort() });
}

/** The notes in step order; no field at all on a board without notes, as in exports made before notes existed. */
function discussionNotes(notes: ControlState['notes']): Pick<OkrExport['workshop'], 'discussionNotes'> {
  const list = STEP_IDS.flatMap((step) => (notes[step] ? [{ step, text: notes[step] }] : []));
  return list.length > 0 ? { discussionNotes: list } : {};
}

function exportKeyResult(kr: KeyResult): ExportKeyResult {
  return {
    id: kr.id,
    title: kr.title,
    metric: { name: kr.metricName ?? null, unit: kr.unit ?? null },
    type: kr.type ?? null,
    direction: kr.direction ?? null,
    baseline: kr.baseline ?? null,
    target: kr.target ?? null,
    deadline: kr.deadline ?? null,
    owner: ownerOf(kr.ownerName, kr.ownerEmail),
    confidence: kr.confidence ?? null,
    leadLag: kr.leadLag ?? null,
    ...canvasPlace(kr),
  };
}

/** A note's place and cluster; null for a note nobody placed (it is laid out tidily on read). */
function canvasPlace(note: { pos?: CanvasPos; clusterId?: string }): { place: CanvasPos | null; clusterId: string | null } {
  return { place: note.pos ?? null, clusterId: note.clusterId ?? null };
}

/** Every canvas's named clusters, each with its notes in board order. */
function exportClusters(board: BoardDoc): ExportCluster[] {
  const notes = [...board.contextItems.list(), ...board.candidates.list(), ...board.keyResults.list(), ...board.initiatives.list()];
  return board.clusters.list().map((cluster) => ({
    id: cluster.id,
    step: cluster.step,
    name: cluster.name,
    place: cluster.pos,
    noteIds: notes.filter((note) => note.clusterId === cluster.id).map((note) => note.id),
  }));
}

function exportParkedItem(item: ParkedItem): OkrExport['parked'][number] {
  return {
    id: item.id,
    text: item.text,
    reason: item.reason,
    owner: ownerOf(item.ownerName, item.ownerEmail),
    revisitDate: item.revisitDate ?? null,
    candidateId: item.candidateId ?? null,
  };
}

/**
 * `null` when nobody is named; an email alone still identifies a person for OKR tools. A name box
 * that holds an address ("Ana Lima <ana@example.com>", typed before owners had an email box) is
 * split, so the address travels as the email, not inside the name.
 */
function ownerOf(name: string | undefined, email?: string): Person | null {
  const typed = email ? { ownerName: name?.trim(), ownerEmail: email } : parseOwnerInput(name ?? '');
  const trimmed = typed.ownerName ?? '';
  if (!trimmed && !typed.ownerEmail) return null;
  return typed.ownerEmail ? { name: trimmed, email: typed.ownerEmail } : { name: trimmed };
}

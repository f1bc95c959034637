import { ownerLabel } from '../workshop/owner.ts';
import { tiedWith } from '../workshop/decision.ts';
import { contextLine } from './contextText.ts';
import type { ExportKeyResult, ExportObjective, ExportOwner, OkrExport } from './format.ts';
import { CHECK_IN_PHRASES, confidenceLabel, levelsPhrase, SEVERITY_LABELS } from './labels.ts';
import { notesSection } from './notesMarkdown.ts';
import { stepInfo } from '../workshop/steps.ts';

/**
 * A readable summary for a wiki page or an email: the objective, its key results (baseline → target
 * by deadline, owner, confidence), initiatives with the key results they serve, the parked list with
 * reasons, and the review findings. Card text is escaped, so a card cannot inject markup or links.
 */
export function exportToMarkdown(file: OkrExport): string {
  const sections = [header(file), objectiveSection(file), keyResultSection(file), initiativeSection(file), parkedSection(file), notesSection(file, paragraph), findingSection(file), trackingSection(file), agendaSection(file)];
  return `${sections.filter((section) => section !== '').join('\n\n')}\n`;
}

function header(file: OkrExport): string {
  const { title, team, cycle } = file.workshop;
  const facts = [
    team ? `**Team:** ${inline(team)}` : '',
    cycle.label || cycle.start ? `**Cycle:** ${[cycle.label ? inline(cycle.label) : '', cycleDates(cycle.start, cycle.end)].filter(Boolean).join(' ')}` : '',
    `**Exported:** ${file.exportedAt.slice(0, 10)}`,
  ].filter(Boolean);
  return `# ${inline(title.trim() || 'OKR workshop')}\n\n${facts.join(' · ')}`;
}

function cycleDates(start: string | null, end: string | null): string {
  if (start && end) return `(${start} to ${end})`;
  return start ? `(from ${start})` : '';
}

function objectiveSection(file: OkrExport): string {
  const objective = file.objective;
  if (!objective) return '## Objective\n\nNo objective confirmed yet.';
  const lines = [`## Objective`, '', `**${inline(objective.title)}** (${objective.commitment})`];
  if (objective.description) lines.push('', paragraph(objective.description));
  const served = objective.contextIds.flatMap((id) => {
    const item = file.context.find((candidate) => candidate.id === id);
    return item ? [inline(contextLine(item.kind, item.text))] : [];
  });
  if (served.length > 0) lines.push('', 'Serves:', ...served.map((line) => `- ${line}`));
  const { tally, rationale } = objective.decision;
  const total = tally.reduce((sum, entry) => sum + entry.votes, 0);
  const chosenVotes = tally.find((entry) => entry.candidateId === objective.candidateId)?.votes;
  if (total > 0 && chosenVotes !== undefined) lines.push('', `Decision: chosen with ${chosenVotes} of ${dots(total)}${tie(tally, objective.candidateId)}.`);
  const { fromNotes } = objective.decision;
  if (fromNotes.length > 0) lines.push('', 'Chosen as a cluster of notes:', ...fromNotes.map((note) => `- ${inline(note.text)}`));
  if (rationale) lines.push('', `Rationale: ${inline(rationale)}`);
  return lines.join('\n');
}

/** ", tied with “Grow repeat purchases” (5 dots)": a tie the facilitator broke is part of the record. */
function tie(tally: ExportObjective['decision']['tally'], candidateId: string): string {
  const others = tiedWith(tally, candidateId);
  if (others.length === 0) return '';
  return `, tied with ${others.map((entry) => `“${inline(entry.text)}” (${dots(entry.votes)})`).join(' and ')}`;
}

/** The tally counts dots, as the board and the Summary say: "9 votes" from 3 people reads as 9 voters. */
function dots(n: number): string {
  return `${n} ${n === 1 ? 'dot' : 'dots'}`;
}

function keyResultSection(file: OkrExport): string {
  if (file.keyResults.length === 0) return '## Key results\n\nNone yet.';
  const clusterNames = new Map(file.clusters.map((cluster) => [cluster.id, cluster.name]));
  const items = file.keyResults.map((kr, index) => {
    const cluster = kr.clusterId === null ? undefined : clusterNames.get(kr.clusterId);
    const details = [levels(kr), `owner: ${owner(kr.owner)}`, kr.confidence === null ? '' : `confidence ${confidenceLabel(kr.confidence)}`, cluster ? `cluster “${inline(cluster)}”` : ''].filter(Boolean);
    return `${index + 1}. **${inline(kr.title)}** — ${details.join(' · ')}`;
  });
  return `## Key results\n\n${items.join('\n')}`;
}

/** "58% → 65% by 2026-09-30" or "at least 8"; empty while the fields are (the title is shown anyway). */
function levels(kr: ExportKeyResult): string {
  const text = levelsPhrase({ ...kr, unit: kr.metric.unit }) ?? '';
  if (!kr.deadline) return inline(text);
  return inline(text ? `${text} by ${kr.deadline}` : `due ${kr.deadline}`);
}

function initiativeSection(file: OkrExport): string {
  if (file.initiatives.length === 0) return '';
  const number = new Map(file.keyResults.map((kr, index) => [kr.id, index + 1]));
  const items = file.initiatives.map((initiative) => {
    const serves = initiative.keyResultIds.flatMap((id) => {
      const n = number.get(id);
      return n === undefined ? [] : [`KR ${n}`];
    });
    return `- **${inline(initiative.title)}** — owner: ${owner(initiative.owner)} · ${serves.length > 0 ? `serves ${serves.join(', ')}` : 'serves no key result yet'}`;
  });
  return `## Initiatives\n\n${items.join('\n')}`;
}

function parkedSection(file: OkrExport): string {
  if (file.parked.length === 0) return '';
  const items = file.parked.map((item) => {
    const details = [
      item.reason.trim() ? `reason: ${inline(item.reason)}` : 'no reason given',
      item.owner ? `owner: ${owner(item.owner)}` : '',
      item.revisitDate ? `revisit ${item.revisitDate}` : '',
    ].filter(Boolean);
    return `- **${inline(item.text)}** — ${details.join(' · ')}`;
  });
  return `## Parked\n\n${items.join('\n')}`;
}

function findingSection(file: OkrExport): string {
  if (file.findings.length === 0) return '';
  const items = file.findings.map((finding) => `- **${SEVERITY_LABELS[finding.severity]}** (${finding.rule}): ${inline(finding.message)}`);
  return `## Review findings\n\n${items.join('\n')}`;
}

function trackingSection(file: OkrExport): string {
  const { checkInCadence, firstCheckIn } = file.tracking;
  if (!checkInCadence && !firstCheckIn) return '';
  const cadence = checkInCadence ? CHECK_IN_PHRASES[checkInCadence] : 'Check-ins';
  return `## Tracking\n\n${cadence}${firstCheckIn ? `, the first on ${firstCheckIn}` : ''}.`;
}

/** "Ana Lima (ana@example.com)", as the board shows an owner. */
function owner(person: ExportOwner): string {
  const label = ownerLabel(person);
  return label ? inline(label) : 'none yet';
}

/** Card text inside a line: one line, with the characters that make emphasis, code, links or HTML escaped. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[\\`*_[\]<~]/g, '\\$&');
}

/** A free-text block: one paragraph, and nothing at its start that Markdown reads as a heading, quote or list. */
function paragraph(text: string): string {
  return inline(text).replace(/^([-+=#>]|\d+[.)])/, '\\$1');
}

/** Planned against actual minutes per step; left out when no time was recorded. */
function agendaSection(file: OkrExport): string {
  if (file.agenda.every((row) => row.actualMinutes === null)) return '';
  const rows = file.agenda.map((row) => `| ${stepInfo(row.step).title} | ${row.plannedMinutes} min | ${row.actualMinutes ?? '–'} min |`);
  return ['## Agenda', '', '| Step | Planned | Actual |', '|---|---|---|', ...rows].join('\n');
}

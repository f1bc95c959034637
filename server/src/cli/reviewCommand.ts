import fs from 'node:fs';
import { EXPORT_FORMAT_ID, migrateExport, type OkrExport } from '@okr/shared/export';
import { findingKey, reviewOkrs, SEVERITIES, type Finding, type ReviewInput, type Severity } from '@okr/shared/review';
import { parseCommandArgs } from './args.ts';
import { EXIT, inFile } from './cliError.ts';
import type { Command } from './command.ts';
import { readJsonFile } from './files.ts';
import { readRoomExport } from './roomExport.ts';
import { roomIdIn } from './store.ts';
import { printable } from './text.ts';

const usage = 'okr review <file|roomId> [--json]';

/**
 * Reviews an export or a draft (`{ "objective": "…", "keyResults": ["…"] }`), or a room as stored
 * (in DATA_DIR, or with DATABASE_URL set in shared mode's database): a file of that name wins, then
 * a room id or room link. Exit code 1 when any finding is an error, so a team can run it in CI;
 * wording findings never fail it.
 */
export const reviewCommand: Command = {
  name: 'review',
  summary: 'check an export, a draft or a stored room against the OKR rules; exit 1 when any finding is an error',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs(argv, { usage, positionals: ['<file|roomId>'], options: { json: { type: 'boolean' } } });
    const target = positionals[0] ?? '';
    const roomId = fs.existsSync(target) ? undefined : roomIdIn(target);
    let label: string;
    let result: { findings: Finding[]; dismissed: number };
    if (roomId === undefined) {
      const input = readJsonFile(target);
      label = target;
      result = inFile(target, () => review(input));
    } else {
      const file = await readRoomExport(io.env, roomId);
      label = `room ${roomId} "${printable(file.workshop.title)}"`;
      result = reviewExport(file);
    }
    const { findings, dismissed } = result;

    io.out(values.json ? `${JSON.stringify(findings, null, 2)}\n` : report(label, findings, dismissed));
    return findings.some((finding) => finding.severity === 'error') ? EXIT.failed : EXIT.ok;
  },
};

function review(input: unknown): { findings: Finding[]; dismissed: number } {
  const format = input !== null && typeof input === 'object' ? (input as { format?: unknown }).format : undefined;
  if (format !== EXPORT_FORMAT_ID) {
    return { findings: reviewOkrs(input as ReviewInput, { year: new Date().getFullYear() }), dismissed: 0 };
  }
  // A full export is validated as one.
  return reviewExport(migrateExport(input));
}

/** An export reviewed as the board would: dismissed findings stay dismissed. */
function reviewExport(file: OkrExport): { findings: Finding[]; dismissed: number } {
  const dismissedKeys = new Set(file.dismissedFindings);
  const all = reviewOkrs(file, { year: new Date(file.exportedAt).getUTCFullYear() });
  const findings = all.filter((finding) => !dismissedKeys.has(findingKey(finding)));
  return { findings, dismissed: all.length - findings.length };
}

const ORDER = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, -index])) as Record<Severity, number>;

function report(label: string, findings: readonly Finding[], dismissed: number): string {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  const lines = sorted.map((finding) => `${`[${finding.severity}]`.padEnd(10)}${finding.rule} (${target(finding)}): ${printable(finding.message)}`);
  const counts = SEVERITIES.toReversed()
    .map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}${count === 1 || severity === 'info' ? '' : 's'}`);
  const summary = counts.length === 0 ? `${label}: no findings` : `${label}: ${counts.join(', ')}`;
  const note = dismissed > 0 ? ` (${dismissed} dismissed on the board not shown)` : '';
  return `${[`${summary}${note}`, ...lines].join('\n')}\n`;
}

function target(finding: Finding): string {
  const { kind, id } = finding.target;
  // Drafts get made-up ids ("objective", "kr-1"); "objective objective" would say nothing twice.
  return id === kind || kind === 'board' ? kind : `${kind} ${id}`;
}

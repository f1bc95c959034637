import { stepInfo } from '../workshop/steps.ts';
import type { OkrExport } from './format.ts';

/**
 * The "Discussion notes" section of the Markdown summary: one heading per step with notes, each
 * line of the notes a list item. `escape` is the summary's own escaping of free text, so notes
 * cannot inject markup. Empty when there are no notes.
 */
export function notesSection(file: OkrExport, escape: (text: string) => string): string {
  const notes = file.workshop.discussionNotes ?? [];
  if (notes.length === 0) return '';
  const blocks = notes.map(({ step, text }) => {
    const lines = text.split('\n').filter((line) => line.trim() !== '');
    return `### ${stepInfo(step).title}\n\n${lines.map((line) => `- ${escape(line)}`).join('\n')}`;
  });
  return `## Discussion notes\n\n${blocks.join('\n\n')}`;
}

import { exportToCsv, exportToMarkdown, type OkrExport } from '@okr/shared/export';

export type ExportFormat = 'json' | 'md' | 'csv';

/** "Q3 OKRs – Checkout" → "q3-okrs-checkout"; a title with no letters or digits → "workshop". */
export function exportSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'workshop';
}

/** The file for one format: its name, type and text, from the shared export functions. */
export function exportFile(file: OkrExport, format: ExportFormat): { name: string; type: string; text: string } {
  const name = `okr-export-${exportSlug(file.workshop.title)}.${format}`;
  switch (format) {
    case 'json':
      return { name, type: 'application/json', text: `${JSON.stringify(file, null, 2)}\n` };
    case 'md':
      return { name, type: 'text/markdown;charset=utf-8', text: exportToMarkdown(file) };
    case 'csv':
      return { name, type: 'text/csv;charset=utf-8', text: exportToCsv(file) };
  }
}

/** Saves text as a file through a temporary object URL. */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { useState } from 'react';
import { exportToMarkdown } from '@okr/shared/export';
import { useRoom } from '../../sync/RoomContext.tsx';
import { downloadText, exportFile, type ExportFormat } from './download.ts';
import { exportNow } from './useExport.ts';

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'json', label: 'Download JSON' },
  { format: 'md', label: 'Download Markdown' },
  { format: 'csv', label: 'Download CSV' },
];

/** The facilitator's export buttons: each builds a fresh export at the click, in the browser. */
export function ExportActions() {
  const room = useRoom();
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);

  const build = () => {
    const result = exportNow(room);
    if (!result.ok) setStatus({ text: `The export failed: ${result.error}`, error: true });
    return result.ok ? result.file : null;
  };

  const download = (format: ExportFormat) => {
    const file = build();
    if (!file) return;
    const { name, type, text } = exportFile(file, format);
    downloadText(name, type, text);
    setStatus({ text: `Downloaded ${name}.` });
  };

  const copy = async () => {
    const file = build();
    if (!file) return;
    try {
      await navigator.clipboard.writeText(exportToMarkdown(file));
      setStatus({ text: 'Copied the Markdown summary — paste it into a wiki page or an email.' });
    } catch {
      setStatus({ text: 'This browser did not allow copying here; use Download Markdown instead.', error: true });
    }
  };

  return (
    <section className="export-actions" aria-label="Export">
      <h3>Export</h3>
      <div className="row">
        {FORMATS.map(({ format, label }) => (
          <button key={format} type="button" className={format === 'json' ? 'primary' : undefined} onClick={() => download(format)}>
            {label}
          </button>
        ))}
        <button type="button" onClick={() => void copy()}>
          Copy Markdown
        </button>
        <button type="button" onClick={() => window.print()}>
          Print or save as PDF
        </button>
      </div>
      <p role="status" className={status?.error ? 'error' : 'muted'}>
        {status?.text ?? 'JSON for other tools (validated, versioned), Markdown for a wiki, CSV for OKR tools’ importers.'}
      </p>
    </section>
  );
}

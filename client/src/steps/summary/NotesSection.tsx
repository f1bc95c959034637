import type { OkrExport } from '@okr/shared/export';
import { stepInfo } from '@okr/shared/workshop';

/** The facilitator's discussion notes per step, as exported; nothing when there are none. */
export function NotesSection({ file }: { file: OkrExport }) {
  const notes = file.workshop.discussionNotes ?? [];
  if (notes.length === 0) return null;
  return (
    <section className="summary-section summary-notes" aria-label="Discussion notes">
      <h3>Discussion notes</h3>
      {notes.map(({ step, text }) => (
        <div key={step}>
          <h4>{stepInfo(step).title}</h4>
          <p className="summary-note">{text}</p>
        </div>
      ))}
    </section>
  );
}

import type { OkrExport } from '@okr/shared/export';
import { AgendaTable } from './AgendaTable.tsx';

/** Planned against actual time per step, as exported; "not recorded" until the facilitator first moves the group or starts a timer. */
export function AgendaSection({ file }: { file: OkrExport }) {
  return (
    <section className="summary-section summary-agenda" aria-label="Agenda">
      <h3>Agenda</h3>
      <AgendaTable rows={file.agenda} />
    </section>
  );
}

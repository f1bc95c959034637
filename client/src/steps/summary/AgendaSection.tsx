import type { OkrExport } from '@okr/shared/export';
import { stepInfo } from '@okr/shared/workshop';

/** Planned against actual time per step, as exported; "not recorded" until the facilitator first moves the group or starts a timer. */
export function AgendaSection({ file }: { file: OkrExport }) {
  const minutes = (n: number | null) => (n === null ? 'not recorded' : `${n} min`);
  const total = (key: 'plannedMinutes' | 'actualMinutes') => file.agenda.reduce((sum, row) => sum + (row[key] ?? 0), 0);
  const recorded = file.agenda.some((row) => row.actualMinutes !== null);
  return (
    <section className="summary-section summary-agenda" aria-label="Agenda">
      <h3>Agenda</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Planned</th>
            <th scope="col">Actual</th>
          </tr>
        </thead>
        <tbody>
          {file.agenda.map((row) => (
            <tr key={row.step}>
              <th scope="row">{stepInfo(row.step).title}</th>
              <td>{minutes(row.plannedMinutes)}</td>
              <td>{minutes(row.actualMinutes)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{total('plannedMinutes')} min</td>
            <td>{recorded ? `${total('actualMinutes')} min` : 'not recorded'}</td>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}

import { stepInfo } from '@okr/shared/workshop';
import type { StepId } from '@okr/shared/schema';

/** One step's line: `actualMinutes` is null while no time was recorded. */
type Row = { step: StepId; plannedMinutes: number; actualMinutes: number | null };

/** Planned against actual minutes per step, with totals; the Summary and the projector's agenda page both show it. */
export function AgendaTable({ rows, className, caption }: { rows: readonly Row[]; className?: string; caption?: string }) {
  const minutes = (n: number | null) => (n === null ? 'not recorded' : `${n} min`);
  const recorded = rows.some((row) => row.actualMinutes !== null);
  const total = (key: 'plannedMinutes' | 'actualMinutes') => rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);
  return (
    <table className={className}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">Planned</th>
          <th scope="col">Actual</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
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
  );
}

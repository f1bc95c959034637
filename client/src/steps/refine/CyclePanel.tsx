import { CHECK_IN_CADENCE_LABELS } from '@okr/shared/export';
import { CHECK_IN_CADENCES, type Workshop } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { Fact, SavingInput, SavingSelect } from './fields.tsx';
import { parseDateInput, parseTextInput, type Parsed } from './fieldParsing.ts';

const CADENCE_OPTIONS = CHECK_IN_CADENCES.map((value) => ({ value, label: CHECK_IN_CADENCE_LABELS[value] }));

/** The cycle the deadlines are checked against, and how the team will track the OKR afterwards. */
export function CyclePanel({ workshop, canEdit }: { workshop: Workshop; canEdit: boolean }) {
  const room = useRoom();
  const save = (patch: Partial<Workshop>) => room.board.updateWorkshop(patch);
  const startBeforeEnd = (text: string, other: string | undefined, side: 'start' | 'end'): Parsed<string> => {
    const parsed = parseDateInput(text);
    if (!parsed.ok || !parsed.value || !other) return parsed;
    if (side === 'start' ? parsed.value > other : parsed.value < other) {
      return { ok: false, error: side === 'start' ? `The cycle would start after it ends (${other}).` : `The cycle would end before it starts (${other}).` };
    }
    return parsed;
  };

  return (
    <section className="cycle-panel" aria-label="Cycle and tracking">
      <h3>Cycle and tracking</h3>
      {canEdit ? (
        <div className="cycle-fields">
          <SavingInput label="Cycle" value={workshop.cycleLabel} parse={(t) => parseTextInput(t, { max: 60 })} save={(cycleLabel) => save({ cycleLabel })} input={{ maxLength: 60, placeholder: 'e.g. Q3 2026' }} />
          <SavingInput label="Cycle start" value={workshop.cycleStart} parse={(t) => startBeforeEnd(t, workshop.cycleEnd, 'start')} save={(cycleStart) => save({ cycleStart })} input={{ type: 'date' }} />
          <SavingInput label="Cycle end" value={workshop.cycleEnd} parse={(t) => startBeforeEnd(t, workshop.cycleStart, 'end')} save={(cycleEnd) => save({ cycleEnd })} input={{ type: 'date' }} />
          <SavingSelect label="Check-ins" value={workshop.checkInCadence} options={CADENCE_OPTIONS} save={(checkInCadence) => save({ checkInCadence })} />
          <SavingInput label="First check-in" value={workshop.firstCheckIn} parse={parseDateInput} save={(firstCheckIn) => save({ firstCheckIn })} input={{ type: 'date' }} />
        </div>
      ) : (
        <dl className="cycle-facts">
          <Fact label="Cycle">{[workshop.cycleLabel, workshop.cycleStart && workshop.cycleEnd ? `${workshop.cycleStart} to ${workshop.cycleEnd}` : ''].filter(Boolean).join(', ') || '—'}</Fact>
          <Fact label="Check-ins">
            {workshop.checkInCadence ? CHECK_IN_CADENCE_LABELS[workshop.checkInCadence] : '—'}
            {workshop.firstCheckIn ? `, first on ${workshop.firstCheckIn}` : ''}
          </Fact>
        </dl>
      )}
      {canEdit && !workshop.cycleEnd && <p className="field-hint">Set the cycle's dates: deadlines are checked against them.</p>}
    </section>
  );
}

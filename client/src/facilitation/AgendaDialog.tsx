import { useEffect, useRef, useState } from 'react';
import { MAX_TIMEBOX_MINUTES, type StepId } from '@okr/shared/schema';
import { plannedMinutes, STEPS, totalPlannedMinutes } from '@okr/shared/workshop';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { usePreferences } from '../state/preferences.ts';

/** The facilitator's plan: a timebox per step (a 90-minute plan to start from), and whether moving starts it. */
export function AgendaButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Agenda…
      </button>
      {open && <AgendaDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function AgendaDialog({ onClose }: { onClose: () => void }) {
  const { agenda } = useControl();
  const startTimerOnMove = usePreferences((s) => s.startTimerOnMove);
  const setStartTimerOnMove = usePreferences((s) => s.setStartTimerOnMove);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="gate-dialog agenda-dialog" aria-labelledby="agenda-title" onClose={onClose}>
      <h2 id="agenda-title">Agenda</h2>
      <p>Each step’s timebox, in minutes. The Summary records the time the group actually spent on each.</p>
      <div className="agenda-rows">
        {STEPS.filter((step) => step.number !== null).map((step) => (
          <Timebox key={step.id} step={step.id} title={step.title} minutes={plannedMinutes(agenda, step.id)} />
        ))}
      </div>
      <p>
        <strong>Total: {totalPlannedMinutes(agenda)} minutes</strong>
      </p>
      <label className="inline-check">
        <input type="checkbox" checked={startTimerOnMove} onChange={(e) => setStartTimerOnMove(e.target.checked)} /> Start the step’s timer when I move the group
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Done
        </button>
      </div>
    </dialog>
  );
}

/** One step's minutes: written as typed when valid, otherwise the box says why and nothing changes. */
function Timebox({ step, title, minutes }: { step: StepId; title: string; minutes: number }) {
  const room = useRoom();
  const [text, setText] = useState(String(minutes));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setText(String(minutes)), [minutes]);
  const change = (value: string) => {
    setText(value);
    const n = Number(value);
    if (value.trim() === '' || !Number.isInteger(n) || n < 1 || n > MAX_TIMEBOX_MINUTES) {
      setError(`Whole minutes from 1 to ${MAX_TIMEBOX_MINUTES}.`);
      return;
    }
    setError(null);
    room.control.setTimebox(step, n);
  };
  return (
    <label className="agenda-row">
      <span>{title} minutes</span>
      <input type="number" min={1} max={MAX_TIMEBOX_MINUTES} step={1} value={text} onChange={(e) => change(e.target.value)} aria-invalid={error !== null} />
      {error && (
        <span role="alert" className="error">
          {error}
        </span>
      )}
    </label>
  );
}

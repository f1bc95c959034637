import { useCallback, useState } from 'react';
import { extendTimer, formatRemaining, pauseTimer, plannedMinutes, resetTimer, resumeTimer, startTimer } from '@okr/shared/workshop';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { serverNow } from '../sync/serverClock.ts';
import { usePreferences } from '../state/preferences.ts';
import { playChime } from './chime.ts';
import { useOnTimerZero, useRemaining } from './useRemaining.ts';

/**
 * The shared step timer: everyone sees the same time left; the facilitator runs it. `showSound`:
 * the "Sound at zero" switch beside it (the facilitator's is in the bar's More menu, to keep the bar one line).
 */
export function StepTimer({ showSound = true }: { showSound?: boolean }) {
  const room = useRoom();
  const { timer, step, agenda } = useControl();
  const remaining = useRemaining(timer);
  const timerSound = usePreferences((s) => s.timerSound);
  // The timer offers the step's timebox until the facilitator types another length for this step.
  const [typed, setTyped] = useState<{ step: typeof step; minutes: string } | null>(null);
  const minutes = typed?.step === step ? typed.minutes : String(plannedMinutes(agenda, step) || 5);
  const setMinutes = (value: string) => setTyped({ step, minutes: value });
  const onZero = useCallback(() => {
    if (timerSound) playChime();
  }, [timerSound]);
  useOnTimerZero(timer, remaining, onZero);

  const done = timer.status === 'running' && remaining === 0;
  // Participants see the timer only while there is one: a phone's toolbar has no room to spare.
  if (!room.isFacilitator && timer.status === 'idle') return null;
  const set = (next: typeof timer) => room.control.setTimer(next);
  const duration = Math.max(1, Math.min(180, Number(minutes) || 1)) * 60_000;

  return (
    <div className={`timer ${done ? 'timer-done' : ''} timer-${timer.status}`} role="timer" aria-label="Step timer">
      <span className="timer-time" aria-live={done ? 'assertive' : 'off'}>
        {timer.status === 'idle' ? '–:––' : formatRemaining(remaining)}
        {done && <span className="timer-up"> Time is up</span>}
        {timer.status === 'paused' && <span className="timer-paused-label">Paused</span>}
      </span>
      {room.isFacilitator && (
        <span className="timer-controls">
          {timer.status === 'idle' && (
            <>
              <label className="timer-minutes">
                <span className="visually-hidden">Timer minutes</span>
                <input type="number" min={1} max={180} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-label="Timer minutes" />
              </label>
              <button type="button" onClick={() => set(startTimer(duration, serverNow()))} aria-label="Start timer">
                Start
              </button>
            </>
          )}
          {timer.status === 'running' && (
            <button type="button" onClick={() => set(pauseTimer(timer, serverNow()))}>
              Pause
            </button>
          )}
          {timer.status === 'paused' && (
            <button type="button" onClick={() => set(resumeTimer(timer, serverNow()))}>
              Resume
            </button>
          )}
          {timer.status !== 'idle' && (
            <>
              <button type="button" onClick={() => set(extendTimer(timer, 60_000, serverNow()))} aria-label="Add one minute" title="Add one minute">
                +1
              </button>
              <button type="button" className="bar-icon" onClick={() => set(resetTimer(timer))} aria-label="Reset timer" title="Reset timer">
                <span aria-hidden="true">↺</span>
              </button>
              <button type="button" className="bar-icon" onClick={() => set({ status: 'idle', durationMs: 0, remainingMs: 0 })} aria-label="Clear timer" title="Clear timer">
                <span aria-hidden="true">✕</span>
              </button>
            </>
          )}
        </span>
      )}
      {!room.isViewer && showSound && <TimerSound />}
    </div>
  );
}

/** This device's chime when the timer reaches zero: a preference of the person, kept on the device. */
export function TimerSound() {
  const timerSound = usePreferences((s) => s.timerSound);
  const setTimerSound = usePreferences((s) => s.setTimerSound);
  return (
    <label className="timer-sound">
      <input type="checkbox" checked={timerSound} onChange={(e) => setTimerSound(e.target.checked)} /> Sound at zero
    </label>
  );
}

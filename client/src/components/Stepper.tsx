import { useEffect, useRef } from 'react';
import type { StepId } from '@okr/shared/schema';
import { neighbourStep, STEPS, stepIndex } from '@okr/shared/workshop';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { loadMoveStep } from '../facilitation/facilitatorChunks.ts';

/**
 * The six steps. The facilitator moves the group (click, or ←/→); everyone else follows and may
 * look back at an earlier step on their own device.
 */
export function Stepper({ current }: { current: StepId }) {
  const room = useRoom();
  const ui = useBoardUiStore();
  const lookingAt = useBoardUi((s) => s.lookingAt);
  const heldAt = useBoardUi((s) => s.heldAt);
  const lookAt = useBoardUi((s) => s.lookAt);
  const hold = useBoardUi((s) => s.hold);
  const shown = heldAt ?? lookingAt ?? current;
  const list = useRef<HTMLOListElement>(null);

  // On a phone the steps scroll sideways: keep the one shown in the middle of the strip, or the
  // group reaches SMART refine while the strip still shows Context. Only the strip scrolls, never the page.
  useEffect(() => {
    const ol = list.current;
    const li = ol?.querySelector<HTMLElement>(`[data-step="${shown}"]`);
    if (!ol || !li || ol.scrollWidth <= ol.clientWidth) return;
    const offset = li.getBoundingClientRect().left - ol.getBoundingClientRect().left + ol.scrollLeft;
    ol.scrollTo({ left: offset - (ol.clientWidth - li.offsetWidth) / 2 });
  }, [shown]);

  useEffect(() => {
    if (!room.isFacilitator) return;
    const onKey = (event: KeyboardEvent) => {
      if (arrowsTaken(event) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      if (!delta || ui.getState().pendingMove) return;
      const next = neighbourStep(room.control.state().step, delta);
      if (next) void loadMoveStep().then(({ requestStep }) => requestStep(room, ui, next));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [room, ui]);

  const choose = (step: StepId) => {
    if (room.isFacilitator) {
      lookAt(null);
      void loadMoveStep().then(({ requestStep }) => requestStep(room, ui, step));
    } else if (step === current) {
      lookAt(null);
      hold(null);
    } else if (stepIndex(step) < stepIndex(current)) lookAt(step);
  };

  return (
    <nav className="stepper" aria-label="Workshop steps">
      <ol ref={list}>
        {STEPS.map((step) => {
          const reachable = room.isFacilitator || stepIndex(step.id) <= stepIndex(current);
          return (
            <li key={step.id} data-step={step.id} className={step.id === current ? 'current' : step.id === shown ? 'shown' : ''}>
              <button
                type="button"
                onClick={() => choose(step.id)}
                disabled={!reachable || room.isViewer}
                aria-current={step.id === current ? 'step' : undefined}
              >
                {step.number !== null && <span className="step-number">{step.number}</span>}
                {step.title}
              </button>
            </li>
          );
        })}
      </ol>
      {lookingAt && lookingAt !== current && !heldAt && (
        <button type="button" className="primary back-to-group" onClick={() => lookAt(null)}>
          Back to the group
        </button>
      )}
    </nav>
  );
}

export function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * Whether an arrow key belongs to what has the focus rather than to the group's step: a text box, a
 * canvas note or cluster handle being nudged, a card picked up for a keyboard drag (dnd-kit marks
 * each with `aria-roledescription`), a menu or list of choices. Without this a facilitator nudging a
 * note one step right also moved the whole room to the next step (and ← moved it back, ungated).
 */
export function arrowsTaken(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || isTyping(event.target)) return true;
  return event.target instanceof Element && event.target.closest('[aria-roledescription], [role="menu"], [role="listbox"], [role="radiogroup"], [role="slider"], dialog[open]') !== null;
}

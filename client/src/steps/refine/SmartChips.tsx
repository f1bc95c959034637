import { useEffect, useId, useRef, useState } from 'react';
import { SMART_LABELS, SMART_LETTERS, type SmartLetter, type SmartResult } from '@okr/shared/review';

/**
 * S, M, A, R, T as pass/fail chips. A tap or click on a letter opens its reason under the row, in
 * the flow of the card, so it pushes the fields down rather than covering the one being edited
 * (a floating tip on a phone stayed over the fields: touch has no hover to leave); the same tap
 * again, a tap anywhere else or Escape closes it. With a mouse the reason also floats on hover,
 * and with a keyboard on focus.
 */
export function SmartChips({ result }: { result: SmartResult }) {
  const [open, setOpen] = useState<SmartLetter | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const reasonId = useId();
  useEffect(() => {
    if (open === null) return;
    const away = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);
  const state = (letter: SmartLetter) => {
    const check = result[letter];
    // Pending (no confidence kept yet) is neither a pass nor a cross.
    const look = check.pass ? 'pass' : check.pending ? 'pending' : 'fail';
    return { look, words: { pass: 'passes', pending: 'waiting for the vote', fail: 'not yet' }[look], reason: check.reason };
  };
  const shown = open === null ? null : state(open);

  return (
    <div className="smart-checks" ref={root} onKeyDown={(e) => e.key === 'Escape' && open !== null && (e.stopPropagation(), setOpen(null))}>
      <ul className="smart" aria-label="SMART checks">
        {SMART_LETTERS.map((letter) => {
          const { look, words, reason } = state(letter);
          return (
            <li key={letter}>
              <button
                type="button"
                className={`smart-chip smart-${look}`}
                aria-label={`${SMART_LABELS[letter]}: ${words}. ${reason}`}
                aria-expanded={open === letter}
                aria-controls={open === letter ? reasonId : undefined}
                onClick={() => setOpen(open === letter ? null : letter)}
              >
                <span aria-hidden="true">
                  {letter}
                  <span className="smart-mark">{{ pass: '✓', pending: '…', fail: '✗' }[look]}</span>
                </span>
                <span className="smart-tip" aria-hidden="true">
                  <strong>
                    {SMART_LABELS[letter]} — {words}
                  </strong>
                  <br />
                  {reason}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {open !== null && shown && (
        <p id={reasonId} className={`smart-reason smart-${shown.look}`}>
          <strong>
            {SMART_LABELS[open]} — {shown.words}
          </strong>{' '}
          {shown.reason}
        </p>
      )}
    </div>
  );
}

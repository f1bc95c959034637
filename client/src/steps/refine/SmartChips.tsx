import { SMART_LABELS, SMART_LETTERS, type SmartResult } from '@okr/shared/review';

/** S, M, A, R, T as pass/fail chips; the reason shows on hover and keyboard focus. */
export function SmartChips({ result }: { result: SmartResult }) {
  return (
    <ul className="smart" aria-label="SMART checks">
      {SMART_LETTERS.map((letter) => {
        const check = result[letter];
        // Pending (no confidence kept yet) is neither a pass nor a cross.
        const look = check.pass ? 'pass' : check.pending ? 'pending' : 'fail';
        const state = { pass: 'passes', pending: 'waiting for the vote', fail: 'not yet' }[look];
        return (
          <li key={letter} className={`smart-chip smart-${look}`} tabIndex={0} aria-label={`${SMART_LABELS[letter]}: ${state}. ${check.reason}`}>
            <span aria-hidden="true">
              {letter}
              <span className="smart-mark">{{ pass: '✓', pending: '…', fail: '✗' }[look]}</span>
            </span>
            <span className="smart-tip" aria-hidden="true">
              <strong>
                {SMART_LABELS[letter]} — {state}
              </strong>
              <br />
              {check.reason}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

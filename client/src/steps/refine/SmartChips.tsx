import { SMART_LABELS, SMART_LETTERS, type SmartResult } from '@okr/shared/review';

/** S, M, A, R, T as pass/fail chips; the reason shows on hover and keyboard focus. */
export function SmartChips({ result }: { result: SmartResult }) {
  return (
    <ul className="smart" aria-label="SMART checks">
      {SMART_LETTERS.map((letter) => {
        const check = result[letter];
        const state = check.pass ? 'passes' : 'not yet';
        return (
          <li key={letter} className={`smart-chip ${check.pass ? 'smart-pass' : 'smart-fail'}`} tabIndex={0} aria-label={`${SMART_LABELS[letter]}: ${state}. ${check.reason}`}>
            <span aria-hidden="true">
              {letter}
              <span className="smart-mark">{check.pass ? '✓' : '✗'}</span>
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

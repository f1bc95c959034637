import { useState, type ReactNode } from 'react';
import { quote, SEVERITY_LABELS } from '@okr/shared/export';
import { findingKey, RULES, type Finding, type Severity } from '@okr/shared/review';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIdentity } from '../../state/identity.ts';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import type { TargetFindings } from './reviewBoard.ts';

const SEVERITY_MARKS: Record<Severity, string> = { error: '✖', warning: '▲', info: 'i' };
const WHY = new Map<string, string>(RULES.map((rule) => [rule.id, rule.why]));

type Props = {
  label: string;
  findings: TargetFindings;
  /** Dismiss and restore buttons (and `action`s); off for read-only views and the projector. */
  canEdit: boolean;
  /** The card's own title: messages inside the card drop the quote of it they start with. */
  subject?: string;
  /** An extra one-gesture fix for a finding, e.g. "Move to initiatives". */
  action?: (finding: Finding) => ReactNode;
  /** Shown when nothing is found; omit to render nothing then. */
  emptyText?: string;
  /** A visible heading, for a list that stands on its own. */
  heading?: string;
};

/** Findings with their severity, message and one-line why; dismissed ones fold into "2 dismissed — show". */
export function FindingList({ label, findings, canEdit, subject, action, emptyText, heading }: Props) {
  const room = useRoom();
  const name = useIdentity((s) => s.name);
  const { projector: presenting } = useStepAccess();
  const [showDismissed, setShowDismissed] = useState(false);
  const { active, dismissed } = findings;
  if (active.length === 0 && dismissed.length === 0 && !emptyText) return null;

  return (
    <section className="findings" aria-label={label}>
      {heading && <h3 className="findings-heading">{heading}</h3>}
      {active.length === 0 ? (
        emptyText && <p className="findings-none">✓ {emptyText}</p>
      ) : (
        <ul className="finding-list">
          {active.map((finding) => {
            const message = withoutSubject(finding.message, subject);
            return (
              <li key={findingKey(finding)} className={`finding finding-${finding.severity}`} aria-label={`${SEVERITY_LABELS[finding.severity]}: ${message}`}>
                <span className="finding-severity">
                  <span aria-hidden="true" className="finding-mark">
                    {SEVERITY_MARKS[finding.severity]}
                  </span>
                  {SEVERITY_LABELS[finding.severity]}
                </span>
                <p className="finding-message">{message}</p>
                {WHY.has(finding.rule) && <p className="finding-why">Why: {WHY.get(finding.rule)}</p>}
                {canEdit && (
                  <div className="finding-actions">
                    <button type="button" onClick={() => room.board.dismissFinding(findingKey(finding), name || 'someone')} aria-label={`Dismiss: ${message}`}>
                      Dismiss
                    </button>
                    {action?.(finding)}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dismissed.length > 0 &&
        (presenting ? (
          <p className="findings-dismissed-count">{dismissed.length} dismissed</p>
        ) : (
          <>
            <button type="button" className="link-button" aria-expanded={showDismissed} onClick={() => setShowDismissed(!showDismissed)}>
              {dismissed.length} dismissed — {showDismissed ? 'hide' : 'show'}
            </button>
            {showDismissed && (
              <ul className="finding-list">
                {dismissed.map(({ finding, by }) => {
                  const message = withoutSubject(finding.message, subject);
                  return (
                    <li key={findingKey(finding)} className="finding finding-dismissed" aria-label={`Dismissed: ${message}`}>
                      <p className="finding-message">{message}</p>
                      <p className="finding-why">Dismissed{by ? ` by ${by}` : ''}.</p>
                      {canEdit && (
                        <div className="finding-actions">
                          <button type="button" onClick={() => room.board.restoreFinding(findingKey(finding))} aria-label={`Restore: ${message}`}>
                            Restore
                          </button>
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        ))}
    </section>
  );
}

/** `"Churn from 5% to 3%" has no owner — …` inside that card reads `Has no owner — …`. */
function withoutSubject(message: string, subject: string | undefined): string {
  if (!subject) return message;
  // The rules quote a title this way.
  const quoted = `${quote(subject)} `;
  if (!message.startsWith(quoted)) return message;
  const rest = message.slice(quoted.length);
  return `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
}

import type { BallotCandidate } from '@okr/shared/workshop';

type Props = {
  candidate: BallotCandidate;
  /** Dots the current voter has here; null hides dots (not voting, or the projector). */
  mine: number | null;
  whose: string;
  canVote: boolean;
  refusal: string | null;
  isObjective: boolean;
  onAdd: () => void;
  onRemove: () => void;
};

/**
 * A candidate on the ballot, a card or a named cluster with its notes listed: the voter sees only
 * their own dots until voting closes.
 */
export function VoteCard({ candidate, mine, whose, canVote, refusal, isObjective, onAdd, onRemove }: Props) {
  const { notes } = candidate;
  return (
    <li className={`card pick-vote-card ${notes ? 'is-cluster' : ''} ${mine ? 'has-dots' : ''} ${isObjective ? 'is-objective' : ''}`} aria-label={notes ? `Cluster: ${candidate.text}` : candidate.text}>
      {isObjective && <p className="pick-badge">THE objective</p>}
      {notes && <p className="pick-cluster-label">Cluster of {notes.length} {notes.length === 1 ? 'note' : 'notes'}</p>}
      <p className="card-text">{candidate.text}</p>
      {notes && (
        <ul className="pick-cluster-notes" aria-label={`Notes in ${candidate.text}`}>
          {notes.map((note) => (
            <li key={note.id}>{note.text}</li>
          ))}
        </ul>
      )}
      {mine !== null && (
        <p className="pick-my-dots">
          {mine > 0 && (
            <span className="pick-dot-marks" aria-hidden="true">
              {'●'.repeat(mine)}
            </span>
          )}
          <span>
            {mine === 0 ? `None of ${whose} dots` : `${mine} of ${whose} dots`}
          </span>
        </p>
      )}
      {canVote && (
        <div className="card-actions pick-vote-actions">
          <button type="button" onClick={onAdd} aria-label={`Add a dot to "${candidate.text}"`}>
            + Dot
          </button>
          <button type="button" onClick={onRemove} disabled={!mine} aria-label={`Take a dot back from "${candidate.text}"`}>
            − Dot
          </button>
        </div>
      )}
      {refusal && (
        <p role="alert" className="error pick-vote-refusal">
          {refusal}
        </p>
      )}
    </li>
  );
}

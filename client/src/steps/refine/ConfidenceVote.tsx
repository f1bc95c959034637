import { confidenceLabel } from '@okr/shared/export';
import type { ConfidenceVote as Vote, KeyResult } from '@okr/shared/schema';
import { averageConfidence, FIST_OF_FIVE } from '@okr/shared/workshop';
import { useBoard } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIdentity } from '../../state/identity.ts';

const FINGER_WORDS = ['no chance', 'very unlikely', 'unlikely', 'could go either way', 'likely', 'certain'] as const;
/** Three fingers apart or more: worth a conversation before keeping the average. */
const WIDE_SPREAD = 0.6;

type Props = {
  kr: KeyResult;
  revealed: boolean;
  /** May vote (not a viewer, not read-only, not locked out). */
  canVote: boolean;
  /** Shows Reveal / Keep / Hide: the facilitator, in the live step. */
  canFacilitate: boolean;
};

/** Fist of five, blind: the room sees only how many voted until the facilitator reveals the spread. */
export function ConfidenceVote({ kr, revealed, canVote, canFacilitate }: Props) {
  const room = useRoom();
  const me = useIdentity((s) => s.id);
  const votes = useBoard((board) => board.confidenceVotes(kr.id));
  const mine = votes.find((vote) => vote.voterId === me);
  const average = averageConfidence(votes.map((vote) => vote.value));
  const kept = kr.confidence !== undefined && kr.confidence === average;

  return (
    <section className="confidence" aria-label={`Confidence in "${kr.title}"`}>
      <h4>
        Confidence
        {kr.confidence !== undefined && <span className="confidence-kept"> {confidenceLabel(kr.confidence)} kept</span>}
      </h4>
      {canVote && (
        <div className="fist" role="group" aria-label={`Your confidence in "${kr.title}", 0 to 5 fingers`}>
          {FIST_OF_FIVE.map(({ fingers, value }) => (
            <button
              key={fingers}
              type="button"
              aria-pressed={mine?.value === value}
              aria-label={`${fingers} of 5 (${FINGER_WORDS[fingers]})`}
              title={`${fingers}: ${FINGER_WORDS[fingers]}`}
              onClick={() => room.board.putConfidenceVote({ keyResultId: kr.id, voterId: me, value })}
            >
              {fingers}
            </button>
          ))}
        </div>
      )}
      {!revealed ? (
        <p className="confidence-status" aria-live="polite">
          <strong>{votes.length} voted</strong>
          {canVote && <span className="muted"> · {mine ? `you: ${Math.round(mine.value * 5)} of 5, hidden until the reveal` : 'blind until the facilitator reveals'}</span>}
        </p>
      ) : (
        <Spread votes={votes} average={average} />
      )}
      {canFacilitate && (
        <div className="row confidence-actions">
          {!revealed ? (
            <button type="button" onClick={() => room.control.revealConfidence([kr.id])} disabled={votes.length === 0} aria-label={`Reveal confidence votes for "${kr.title}"`}>
              Reveal votes
            </button>
          ) : (
            <>
              {average !== undefined && !kept && (
                <button type="button" className="primary" onClick={() => room.board.update(room.board.keyResults, kr.id, { confidence: average })}>
                  Keep {confidenceLabel(average)}
                </button>
              )}
              <button type="button" onClick={() => room.control.hideConfidence(kr.id)} aria-label={`Hide confidence votes for "${kr.title}"`}>
                Hide votes
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function Spread({ votes, average }: { votes: readonly Vote[]; average: number | undefined }) {
  if (votes.length === 0 || average === undefined) return <p className="confidence-status">Nobody voted.</p>;
  const counts = FIST_OF_FIVE.map(({ value }) => votes.filter((vote) => Math.abs(vote.value - value) < 1e-9).length);
  const most = Math.max(...counts);
  const values = votes.map((vote) => vote.value);
  const wide = Math.max(...values) - Math.min(...values) >= WIDE_SPREAD - 1e-9;
  return (
    <div className="spread-block">
      <ol className="spread" aria-label="How the room voted">
        {FIST_OF_FIVE.map(({ fingers }, index) => {
          const count = counts[index] ?? 0;
          return (
            <li key={fingers} aria-label={`${fingers} of 5: ${count} vote${count === 1 ? '' : 's'}`}>
              <span className="spread-count" aria-hidden="true">
                {count > 0 ? count : ''}
              </span>
              <span className="spread-bar" aria-hidden="true" style={{ height: `${most ? (count / most) * 100 : 0}%` }} />
              <span className="spread-fingers" aria-hidden="true">
                {fingers}
              </span>
            </li>
          );
        })}
      </ol>
      <p className="confidence-average">
        Average <strong>{confidenceLabel(average)}</strong> <span className="muted">({votes.length} voted)</span>
      </p>
      {wide && <p className="confidence-note">Wide spread: hear the lowest and the highest before keeping the average.</p>}
    </div>
  );
}

import { confidenceLabel } from '@okr/shared/export';
import { useState } from 'react';
import type { KeyResult } from '@okr/shared/schema';
import { FIST_OF_FIVE } from '@okr/shared/workshop';
import { useControl, useVotes } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { RoomRequestError } from '../../sync/roomRequests.ts';

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

/**
 * Fist of five, blind: the server keeps the votes; the room sees only how many voted until the
 * facilitator reveals, when the server publishes the values (not who gave them).
 */
export function ConfidenceVote({ kr, revealed, canVote, canFacilitate }: Props) {
  const room = useRoom();
  const { confidenceCounts, confidenceResults } = useControl();
  const mineValue = useVotes().confidence[kr.id];
  const [error, setError] = useState<string | null>(null);
  const result = revealed ? confidenceResults[kr.id] : undefined;
  const values = result?.values ?? [];
  const average = result?.average;
  const count = confidenceCounts[kr.id] ?? 0;
  const kept = kr.confidence !== undefined && kr.confidence === average;
  const vote = (value: number) => {
    setError(null);
    room.votes.castConfidence(kr.id, value).catch((err: unknown) => setError(err instanceof RoomRequestError ? err.message : 'Your vote did not reach the server: try again.'));
  };

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
              aria-pressed={mineValue === value}
              aria-label={`${fingers} of 5 (${FINGER_WORDS[fingers]})`}
              title={`${fingers}: ${FINGER_WORDS[fingers]}`}
              onClick={() => vote(value)}
            >
              {fingers}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!revealed ? (
        <p className="confidence-status" aria-live="polite">
          <strong>{count} voted</strong>
          {canVote && <span className="muted"> · {mineValue !== undefined ? `you: ${Math.round(mineValue * 5)} of 5, hidden until the reveal` : 'blind until the facilitator reveals'}</span>}
        </p>
      ) : (
        <Spread values={values} average={average} />
      )}
      {canFacilitate && (
        <div className="row confidence-actions">
          {!revealed ? (
            <button type="button" onClick={() => room.control.revealConfidence([kr.id])} disabled={count === 0} aria-label={`Reveal confidence votes for "${kr.title}"`}>
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

function Spread({ values, average }: { values: readonly number[]; average: number | undefined }) {
  if (values.length === 0 || average === undefined) return <p className="confidence-status">Nobody voted.</p>;
  const counts = FIST_OF_FIVE.map(({ value }) => values.filter((v) => Math.abs(v - value) < 1e-9).length);
  const most = Math.max(...counts);
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
        Average <strong>{confidenceLabel(average)}</strong> <span className="muted">({values.length} voted)</span>
      </p>
      {wide && <p className="confidence-note">Wide spread: hear the lowest and the highest before keeping the average.</p>}
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import { addDot, dotsUsed, removeDot, talliesVisible, VOTE_REFUSAL_MESSAGES, type BallotCandidate } from '@okr/shared/workshop';
import { useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useStepAccess } from '../../sync/useStepAccess.ts';
import { useOpenForm } from '../../state/useOpenForm.ts';
import { RoomRequestError } from '../../sync/roomRequests.ts';
import { groupCandidates, progressLine, topIds } from '@okr/shared/workshop';
import { useVoting } from './useVoting.ts';
import { VoteCard } from './VoteCard.tsx';
import { VotingControls, type ProxyVoter } from './VotingControls.tsx';
import { ConfirmObjective } from './ConfirmObjective.tsx';
import { ObjectiveBanner } from './ObjectiveBanner.tsx';
import { NoteList } from './FromNotes.tsx';
import './pick.css';

/**
 * Step 3: a dot vote the facilitator opens and closes, then the facilitator confirms THE objective.
 * While voting is open everyone sees only their own dots; the room and the projector see only how
 * many have voted.
 */
export function PickStep({ readOnly }: { readOnly: boolean }) {
  const room = useRoom();
  const { voting, objective } = useControl();
  const { projector, canEdit, facilitating } = useStepAccess(readOnly);
  const view = useVoting();
  const [proxyFor, setProxyFor] = useState<ProxyVoter | null>(null);
  const [deciding, setDeciding] = useOpenForm('decideObjective');
  const [refusal, setRefusal] = useState<{ candidateId: string; message: string } | null>(null);
  // The confirm form goes away with the decision: focus moves to what was decided, not to the page's top.
  const banner = useRef<HTMLElement>(null);
  const [focusBanner, setFocusBanner] = useState(false);
  useEffect(() => {
    if (!focusBanner || !objective) return;
    banner.current?.focus();
    setFocusBanner(false);
  }, [focusBanner, objective]);

  const isOpen = voting.status === 'open';
  const showResults = talliesVisible(voting);
  const activeProxy = facilitating && isOpen && proxyFor?.roundId === voting.roundId ? proxyFor : null;
  const dots = view.dotsOf(activeProxy ? activeProxy.id : null);
  const left = Math.max(0, voting.dotsPerPerson - dotsUsed(dots));
  const canVote = canEdit && isOpen;
  const whose = activeProxy ? `${activeProxy.name}’s` : 'your';

  const place = (candidateId: string, delta: 1 | -1) => {
    const next = delta === 1 ? addDot(dots, candidateId, voting, view.candidateIds) : removeDot(dots, candidateId, voting);
    if (typeof next === 'string') {
      setRefusal({ candidateId, message: VOTE_REFUSAL_MESSAGES[next] });
      return;
    }
    setRefusal(null);
    room.votes.castBallot(voting.roundId, next, activeProxy?.name).catch((err: unknown) => {
      setRefusal({ candidateId, message: err instanceof RoomRequestError ? err.message : 'Your dot did not reach the server: try again.' });
    });
  };

  const card = (candidate: BallotCandidate) => (
    <VoteCard
      key={candidate.id}
      candidate={candidate}
      mine={isOpen && !projector ? (dots[candidate.id] ?? 0) : null}
      whose={whose}
      canVote={canVote}
      refusal={refusal?.candidateId === candidate.id ? refusal.message : null}
      isObjective={objective?.candidateId === candidate.id}
      onAdd={() => place(candidate.id, 1)}
      onRemove={() => place(candidate.id, -1)}
    />
  );

  const clusters = view.candidates.filter((c) => c.notes !== null);
  // Groups made without a cluster record ("Group with…") show together, each card with its own dots.
  const groups = groupCandidates(view.candidates.filter((c) => c.notes === null));
  const unnamedGroups = groups.filter((g) => g.cards.length > 1);
  const singles = groups.filter((g) => g.cards.length === 1).flatMap((g) => g.cards);
  // After a close the form waits for the server's tally, which picks the card it starts on.
  const showForm = facilitating && (deciding || (!objective && voting.status === 'closed' && view.result !== null));

  return (
    <div className={`pick-step ${projector ? 'is-projector' : ''}`}>
      {objective && <ObjectiveBanner objective={objective} sectionRef={banner} onChange={facilitating && !deciding ? () => setDeciding(true) : undefined} />}
      <div className={`pick-layout ${facilitating ? 'has-panel' : ''}`}>
        <div className="pick-main">
          {view.candidates.length === 0 && <p className="muted">No candidate objectives yet: go back to Draft objectives to write some.</p>}

          {isOpen && projector && (
            <div className="pick-projector-status">
              <p className="pick-projector-rule">
                Dot voting is open: {voting.dotsPerPerson} dots each, at most {voting.capPerItem} on one card
              </p>
              <p className="pick-progress-big" role="status">
                {progressLine(view.progress)}
              </p>
            </div>
          )}
          {canVote && (
            <div className={`pick-budget ${activeProxy ? 'is-proxy' : ''}`}>
              <p role="status">
                <strong>
                  {activeProxy ? `${activeProxy.name}’s dots left` : 'Dots left'}: {left} of {voting.dotsPerPerson}
                </strong>
                <span className="muted"> · at most {voting.capPerItem} on one card</span>
              </p>
              {activeProxy && (
                <button type="button" onClick={() => setProxyFor(null)}>
                  Done voting for {activeProxy.name}
                </button>
              )}
            </div>
          )}
          {isOpen && !canVote && !projector && <p className="muted">Voting is open. {readOnly ? '' : 'The board is locked, so you cannot place dots right now.'}</p>}
          {voting.status === 'idle' && !objective && !facilitating && view.candidates.length > 0 && (
            <p className="muted pick-waiting">Voting has not started yet: the facilitator opens it.</p>
          )}
          {showResults && !objective && !facilitating && <p className="pick-waiting">Voting is closed. The facilitator confirms THE objective next.</p>}

          {showResults ? (
            <Results view={view} objectiveId={objective?.candidateId ?? null} />
          ) : (
            <div className="pick-cards">
              {clusters.length > 0 && (
                <ul className="cards pick-clusters" aria-label="Clusters">
                  {clusters.map(card)}
                </ul>
              )}
              {unnamedGroups.map((group) => (
                <section key={group.key} className="pick-cluster" aria-label={`Group of ${group.cards.length}`}>
                  <h3>Group of {group.cards.length}</h3>
                  <ul className="cards">{group.cards.map(card)}</ul>
                </section>
              ))}
              {singles.length > 0 && (
                <ul className="cards pick-singles" aria-label={clusters.length + unnamedGroups.length > 0 ? 'Other candidates' : 'Candidates'}>
                  {singles.map(card)}
                </ul>
              )}
            </div>
          )}
          {view.discardedCount > 0 && !projector && (
            <p className="muted">
              {view.discardedCount} discarded {view.discardedCount === 1 ? 'candidate is' : 'candidates are'} not on the ballot.
            </p>
          )}
        </div>

        {facilitating && (
          <aside className="pick-side" aria-label="Facilitator: vote and decision">
            {showForm && (
              <ConfirmObjective
                candidates={view.candidates}
                results={view.results}
                current={objective}
                showVotes={showResults}
                focusOnMount={deciding}
                onDone={() => {
                  setDeciding(false);
                  setFocusBanner(true);
                }}
                onCancel={objective || voting.status !== 'closed' ? () => setDeciding(false) : undefined}
              />
            )}
            <VotingControls voting={voting} progress={view.progress} candidateCount={view.candidates.length} proxyFor={activeProxy} onProxy={setProxyFor} />
            {!showForm && !objective && voting.status === 'idle' && view.candidates.length > 0 && (
              <button type="button" className="pick-skip-vote" onClick={() => setDeciding(true)}>
                Decide without a vote
              </button>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}

/** The closed vote: every card by its dots, the top one highlighted. */
function Results({ view, objectiveId }: { view: ReturnType<typeof useVoting>; objectiveId: string | null }) {
  const top = topIds(view.results);
  const most = Math.max(1, ...view.results.map((r) => r.votes));
  const total = view.results.reduce((sum, r) => sum + r.votes, 0);
  const voters = view.result?.ballots ?? 0;
  return (
    <>
      <p className="pick-result-summary">
        Result: {total} {total === 1 ? 'dot' : 'dots'} from {voters} {voters === 1 ? 'voter' : 'voters'}
        {top.size > 1 && <strong> · a tie at the top</strong>}
      </p>
      {view.result && (
        <p className="muted">
          {view.result.voters
            ? `Voted: ${view.result.voters.map((voter) => (voter.proxy ? `${voter.name} (by proxy)` : voter.name)).join(', ') || 'nobody'}`
            : 'An anonymous board: the tally names nobody.'}
        </p>
      )}
      <ol className="cards pick-results" aria-label="Vote result">
        {view.results.map((entry) => (
          <li key={entry.candidateId} className={`card pick-result ${top.has(entry.candidateId) ? 'is-top' : ''} ${entry.candidateId === objectiveId ? 'is-objective' : ''}`} aria-label={entry.text}>
            <p className="pick-result-votes">
              <strong>{entry.votes}</strong> {entry.votes === 1 ? 'dot' : 'dots'}
              {top.has(entry.candidateId) && <span className="pick-badge">Top</span>}
              {entry.candidateId === objectiveId && <span className="pick-badge is-chosen">THE objective</span>}
            </p>
            <p className="card-text">{entry.text}</p>
            <ResultNotes notes={view.candidates.find((c) => c.id === entry.candidateId)?.notes ?? null} />
            <span className="pick-bar" aria-hidden="true">
              <span style={{ width: `${(entry.votes / most) * 100}%` }} />
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

/** How many of a cluster's notes a result names before "+N more": the result list stays a list of candidates. */
const RESULT_NOTES = 3;

/** A cluster's notes under its result, so the room sees what the dots were for; nothing for a card. */
function ResultNotes({ notes }: { notes: BallotCandidate['notes'] }) {
  if (!notes || notes.length === 0) return null;
  return <NoteList notes={notes} lead={`Cluster of ${notes.length} ${notes.length === 1 ? 'note' : 'notes'}:`} label="Notes in this cluster" max={RESULT_NOTES} />;
}

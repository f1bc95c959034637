import { useMemo } from 'react';
import type { VoteResult } from '@okr/shared/schema';
import { ballotCandidates, ballotIds, type BallotCandidate, type Dots, type TallyEntry, type VotingProgress } from '@okr/shared/workshop';
import { useBoard, useControl, useVotes } from '../../sync/hooks.ts';

export type VotingView = {
  /** The ballot: every card not discarded in the Park step, a named Draft cluster as one candidate. */
  candidates: readonly BallotCandidate[];
  candidateIds: ReadonlySet<string>;
  /** Candidates thrown away in the Park step, left off the ballot. */
  discardedCount: number;
  /** From the server: counts for everyone, names of who has not voted for the facilitator. */
  progress: VotingProgress;
  /** The server's tally of the closed round, highest first; empty until it is closed. */
  results: TallyEntry[];
  /** The closed round's record: how many ballots, and who voted unless the board is anonymous. */
  result: VoteResult | null;
  /** This device's dots this round, or (facilitator) a proxy's by voter id. */
  dotsOf: (voterId: string | null) => Dots;
};

/**
 * Everything the Pick step shows of the vote. Ballots are kept by the server: this device knows
 * its own dots, the room knows "N of M have voted" (control), the facilitator who has not voted,
 * and everyone the tally once the facilitator closes the round.
 */
export function useVoting(): VotingView {
  const { voting, votingCount, voteResult } = useControl();
  const all = useBoard((board) => board.candidates.list());
  const clusters = useBoard((board) => board.clusters.list());
  const votes = useVotes();
  const candidates = useMemo(() => ballotCandidates(all, clusters), [all, clusters]);
  return useMemo(() => {
    const roundId = voting.roundId;
    const facilitatorView = votes.progress?.roundId === roundId ? votes.progress : null;
    const count = votingCount?.roundId === roundId ? votingCount : null;
    const progress: VotingProgress = facilitatorView
      ? { total: facilitatorView.total, done: facilitatorView.done, notDone: facilitatorView.notDone, proxies: facilitatorView.proxies }
      : { total: count?.total ?? 0, done: count?.done ?? 0, notDone: [], proxies: [] };
    const result = voteResult?.roundId === roundId && voting.status === 'closed' ? voteResult : null;
    const mine = votes.ballot.roundId === roundId ? votes.ballot.dots : {};
    return {
      candidates,
      candidateIds: ballotIds(candidates),
      discardedCount: all.filter((c) => c.discarded).length,
      progress,
      results: result?.tally ?? [],
      result,
      dotsOf: (voterId) => (voterId === null ? mine : (facilitatorView?.proxies.find((p) => p.id === voterId)?.dots ?? {})),
    };
  }, [all, candidates, votes, voting, votingCount, voteResult]);
}

import { useMemo } from 'react';
import type { Ballot, Candidate } from '@okr/shared/schema';
import { tally, votingProgress, type Dots, type TallyEntry, type VotingProgress } from '@okr/shared/workshop';
import { useBoard, useControl, usePresence } from '../../sync/hooks.ts';

const NO_BALLOTS: readonly Ballot[] = [];

export type VotingView = {
  /** Candidates on the ballot: every candidate not discarded in the Park step. */
  candidates: readonly Candidate[];
  candidateIds: ReadonlySet<string>;
  /** Candidates thrown away in the Park step, left off the ballot. */
  discardedCount: number;
  ballots: readonly Ballot[];
  progress: VotingProgress;
  /** Sorted, highest first. Only shown once voting is closed. */
  results: TallyEntry[];
  dotsOf: (voterId: string) => Dots;
};

/** Everything the Pick step derives from the board, the control document and presence. */
export function useVoting(): VotingView {
  const { voting } = useControl();
  const all = useBoard((board) => board.candidates.list());
  const roundId = voting.roundId;
  const ballots = useBoard((board) => (roundId ? board.ballotsFor(roundId) : NO_BALLOTS));
  const people = usePresence();
  const candidates = useMemo(() => all.filter((c) => !c.discarded), [all]);
  return useMemo(() => {
    const candidateIds = new Set(candidates.map((c) => c.id));
    const roomPeople = people.map((p) => ({ id: p.user.id, name: p.user.name, role: p.user.role }));
    return {
      candidates,
      candidateIds,
      discardedCount: all.length - candidates.length,
      ballots,
      progress: votingProgress(roomPeople, ballots, voting),
      results: tally(ballots, candidates, voting),
      dotsOf: (voterId: string) => ballots.find((b) => b.voterId === voterId)?.dots ?? {},
    };
  }, [all, candidates, ballots, people, voting]);
}

import type { Candidate, StepId } from '@okr/shared/schema';
import type { CandidateUnit } from '@okr/shared/workshop';
import { progressLine, UNNAMED_CLUSTER } from '@okr/shared/workshop';
import { useBoard, useControl } from '../sync/hooks.ts';
import { WritingStatus } from '../drafts/WritingStatus.tsx';
import { NoteList } from '../steps/pick/FromNotes.tsx';
import { useVoting } from '../steps/pick/useVoting.ts';
import type { ProjectorContent } from './usePresentPages.ts';

type Range = { from: number; to: number };

/** One sticky note on the projector: a small label over its text, clamped so a page always fits. */
function Note({ label, text, tone = 'yellow', children }: { label?: string; text: string; tone?: 'yellow' | 'blue' | 'green'; children?: React.ReactNode }) {
  return (
    <li className={`projector-note projector-note-${tone}`} aria-label={text}>
      {label && <span className="projector-note-label">{label}</span>}
      <span className="projector-note-text">{text}</span>
      {children}
    </li>
  );
}

/**
 * THE objective in one bold line, once confirmed: what the room's key results are for. A cluster
 * chosen as the objective lists its first notes on one line below it, so the line stays short and
 * the canvas under it keeps its height.
 */
export function ProjectorObjective() {
  const { objective } = useControl();
  if (!objective) return null;
  return (
    <>
      <p className="projector-objective">
        <span className="projector-note-label">THE objective</span> {objective.title}
      </p>
      <ProjectorFromNotes notes={objective.fromNotes} />
    </>
  );
}

/** How many of a cluster's notes the projector names before "+N more": on THE objective's one line, or in a candidate's note. */
const NOTES_SHOWN = 3;

/** A chosen cluster's notes on the projector: one line, the first few and how many more; nothing for a single card. */
export function ProjectorFromNotes({ notes }: { notes: readonly { id: string; text: string }[] | undefined }) {
  if (!notes || notes.length === 0) return null;
  return (
    <div className="projector-from-notes">
      <NoteList notes={notes} lead={`From a cluster of ${notes.length}:`} label="From notes" max={NOTES_SHOWN} />
    </div>
  );
}

/** Candidate objectives, each group as one note listing the cards in it; in Pick, THE objective and its votes. */
export function CandidateGroups({ step, from, to, groups }: Range & { step: StepId; groups: CandidateUnit<Candidate>[] }) {
  const { objective, voting } = useControl();
  const { results } = useVoting();
  const clusters = useBoard((board) => board.clusters.list());
  const named = new Map(clusters.map((cluster) => [cluster.id, cluster]));
  // The dots show once voting closed and the confirmed decision keeps them, but never while a round
  // is open: a new vote after a decision showed the last round's dots to the room it was asking again.
  const tally = voting.status === 'open' ? [] : (objective?.tally ?? (voting.status === 'closed' ? results : []));
  const votes = new Map(tally.map((entry) => [entry.candidateId, entry.votes]));
  return (
    <>
      {step === 'draft' && <WritingStatus step="draft" />}
      {step === 'pick' && voting.status === 'open' && <VotingProgressLine />}
      {groups.length === 0 && <p className="projector-empty">No candidate objectives yet.</p>}
      {step === 'pick' && <ProjectorObjective />}
      <ul className="projector-grid projector-grid-3" aria-label="Candidate objectives">
        {groups.slice(from, to).map((group) => {
          // A named cluster is one candidate in Pick: its dots and the decision are under its id, its name heads the note.
          const cluster = group.cards[0]?.clusterId ? named.get(group.cards[0].clusterId) : undefined;
          const [first, ...others] = cluster ? [{ id: cluster.id, text: cluster.name.trim() || UNNAMED_CLUSTER }, ...group.cards] : group.cards;
          const counted = cluster ? votes.get(cluster.id) : group.cards.map((card) => votes.get(card.id)).find((n) => n !== undefined);
          const chosen = cluster ? cluster.id === objective?.candidateId : group.cards.some((card) => card.id === objective?.candidateId);
          const label = [cluster ? `Cluster of ${group.cards.length}` : others.length > 0 ? `Group of ${group.cards.length}` : null, chosen && step === 'pick' ? 'THE objective' : null, counted !== undefined ? `${counted} dot${counted === 1 ? '' : 's'}` : null]
            .filter(Boolean)
            .join(' · ');
          return (
            <Note key={group.key} label={label || undefined} text={first!.text} tone={chosen && step === 'pick' ? 'green' : 'yellow'}>
              {others.length > 0 && (
                <ul className="projector-members">
                  {others.slice(0, NOTES_SHOWN).map((card) => (
                    <li key={card.id}>{card.text}</li>
                  ))}
                  {others.length > NOTES_SHOWN && <li className="projector-more">+{others.length - NOTES_SHOWN} more</li>}
                </ul>
              )}
            </Note>
          );
        })}
      </ul>
    </>
  );
}

/** While the dots are open the room sees only how many have voted, never the tally. */
function VotingProgressLine() {
  const { progress } = useVoting();
  return (
    <p className="projector-status" role="status">
      Dot voting is open: {progressLine(progress)}
    </p>
  );
}

/**
 * Parked items with their reason and owner, eight to a page; in Park, the candidates still to sort
 * come first (the room is deciding on them) and the page says how many are left.
 */
export function ParkedCards({ from, to, content, showUnsorted }: Range & { content: ProjectorContent; showUnsorted: boolean }) {
  const unsorted = showUnsorted ? content.unsorted : [];
  const cards = [
    ...unsorted.map((item) => ({ key: item.key, label: item.nearObjective ? 'Unsorted · grouped with THE objective' : 'Unsorted', text: item.text, tone: 'yellow' as const, reason: undefined, owner: undefined })),
    ...content.parked.map((item) => ({ key: item.id, label: 'Parked', text: item.text, tone: 'blue' as const, reason: item.reason, owner: item.ownerName })),
  ];
  return (
    <>
      {showUnsorted && (
        <p className="projector-status" role="status">
          {unsorted.length} still unsorted{unsorted.length === 0 && ': every candidate is sorted'}
        </p>
      )}
      {cards.length === 0 ? (
        <p className="projector-empty">Nothing parked yet.</p>
      ) : (
        // Up to six in three columns; more (Park's unsorted with the parked) four across, so a page holds eight.
        <ul className={`projector-grid projector-grid-${to - from > 6 ? 4 : 3}`} aria-label="Parked">
          {cards.slice(from, to).map((card) => (
            <Note key={card.key} label={card.label} text={card.text} tone={card.tone}>
              {card.reason && <span className="projector-note-detail">Why: {card.reason}</span>}
              {card.owner && <span className="projector-note-detail">Owner: {card.owner}</span>}
            </Note>
          ))}
        </ul>
      )}
    </>
  );
}

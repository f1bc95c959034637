import type { Ref } from 'react';
import type { Objective } from '@okr/shared/schema';
import { voteLine } from '@okr/shared/workshop';
import { FromNotes } from './FromNotes.tsx';

const COMMITMENT_LABELS: Record<Objective['commitment'], string> = {
  committed: 'Committed',
  aspirational: 'Aspirational',
};

/**
 * THE objective, shown big for the room and the projector, with its decision record. `compact`
 * leaves the record out (the Park step shows it as a reminder).
 */
export function ObjectiveBanner({ objective, compact = false, onChange, sectionRef }: { objective: Objective; compact?: boolean; onChange?: () => void; sectionRef?: Ref<HTMLElement> }) {
  const original = objective.tally.find((t) => t.candidateId === objective.candidateId)?.text;
  const reworded = original !== undefined && original.trim() !== objective.title.trim();
  return (
    <section ref={sectionRef} tabIndex={sectionRef ? -1 : undefined} className={`pick-objective ${compact ? 'is-compact' : ''}`} aria-label="THE objective">
      <p className="pick-objective-eyebrow">
        <span>THE objective</span>
        <span className={`pick-commitment pick-commitment-${objective.commitment}`}>{COMMITMENT_LABELS[objective.commitment]}</span>
      </p>
      <h3 className="pick-objective-title">{objective.title}</h3>
      {objective.description && !compact && <p className="pick-objective-description">{objective.description}</p>}
      <FromNotes objective={objective} />
      {!compact && (
        <dl className="pick-decision-record">
          <div>
            <dt>Vote</dt>
            <dd>{voteLine(objective.tally, objective.candidateId)}</dd>
          </div>
          {objective.rationale && (
            <div>
              <dt>Why</dt>
              <dd>{objective.rationale}</dd>
            </div>
          )}
          {reworded && (
            <div>
              <dt>{objective.fromNotes ? 'Cluster' : 'Card'}</dt>
              <dd>“{original}”</dd>
            </div>
          )}
          <div>
            <dt>Decided</dt>
            <dd>
              <time dateTime={objective.decidedAt}>{formatTime(objective.decidedAt)}</time>
            </dd>
          </div>
        </dl>
      )}
      {onChange && (
        <button type="button" className="pick-objective-change" onClick={onChange}>
          Change the decision
        </button>
      )}
    </section>
  );
}

function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

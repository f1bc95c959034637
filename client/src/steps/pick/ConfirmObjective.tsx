import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Objective } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useUnsaved } from '../../components/useUnsaved.ts';
import { NoteList } from './FromNotes.tsx';
import { decide, defaultCandidateId, type BallotCandidate, type Commitment, type DecisionErrors, type TallyEntry } from '@okr/shared/workshop';

type Props = {
  candidates: readonly BallotCandidate[];
  /** Sorted, highest first. */
  results: readonly TallyEntry[];
  current: Objective | null;
  /** Whether the vote was held, so the choice list can show each card's dots. */
  showVotes: boolean;
  onDone: () => void;
  onCancel?: () => void;
  /** Moves focus into the form, when the facilitator opened it on purpose. */
  focusOnMount?: boolean;
};

/** The facilitator confirms exactly one objective: which card, its final wording, why, and how firm. */
export function ConfirmObjective({ candidates, results, current, showVotes, onDone, onCancel, focusOnMount = false }: Props) {
  const room = useRoom();
  const ids = useId();
  const initialId = defaultCandidateId(results, current, candidates);
  const [candidateId, setCandidateId] = useState(initialId);
  // null: the chosen card's own text (or the current wording, for the current decision).
  const [title, setTitle] = useState<string | null>(null);
  const [description, setDescription] = useState(current?.description ?? '');
  const [commitment, setCommitment] = useState<Commitment>(current?.commitment ?? 'committed');
  const [rationale, setRationale] = useState(current?.rationale ?? '');
  const [errors, setErrors] = useState<DecisionErrors>({});
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (focusOnMount) firstField.current?.focus();
  }, [focusOnMount]);

  const chosen = candidates.find((c) => c.id === candidateId);
  const shownTitle = title ?? (current && current.candidateId === candidateId ? current.title : (chosen?.text ?? ''));
  useUnsaved(title !== null || rationale.trim() !== (current?.rationale ?? '') || description.trim() !== (current?.description ?? ''));

  const votesFor = (id: string) => results.find((r) => r.candidateId === id)?.votes ?? 0;
  const ordered = showVotes ? [...candidates].sort((a, b) => votesFor(b.id) - votesFor(a.id)) : candidates;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = decide({ candidateId, title: shownTitle, description, commitment, rationale }, { candidates, tally: results, previous: current, now: new Date() });
    if ('errors' in result) {
      setErrors(result.errors);
      return;
    }
    room.control.setObjective(result.objective);
    setErrors({});
    setTitle(null);
    onDone();
  };

  return (
    <form className="pick-panel pick-confirm stack" onSubmit={submit} aria-label="Confirm THE objective" noValidate>
      <h3>{current ? 'Change THE objective' : 'Confirm THE objective'}</h3>
      <label>
        Candidate
        <select
          ref={firstField}
          value={candidateId}
          onChange={(e) => {
            setCandidateId(e.target.value);
            setTitle(null);
          }}
          aria-invalid={Boolean(errors.candidateId)}
        >
          {ordered.map((c) => (
            <option key={c.id} value={c.id}>
              {showVotes ? `${votesFor(c.id)} · ` : ''}
              {c.notes ? `Cluster: ${c.text} (${c.notes.length} ${c.notes.length === 1 ? 'note' : 'notes'})` : c.text}
            </option>
          ))}
        </select>
      </label>
      {errors.candidateId && <p className="error">{errors.candidateId}</p>}
      {chosen?.notes && <NoteList notes={chosen.notes} lead="The decision record keeps its notes:" label="Notes kept with the decision" />}
      <label>
        Final wording
        <textarea
          value={shownTitle}
          onChange={(e) => setTitle(e.target.value)}
          rows={2}
          maxLength={500}
          aria-invalid={Boolean(errors.title)}
          aria-describedby={`${ids}-title-hint`}
        />
      </label>
      <p id={`${ids}-title-hint`} className="muted pick-hint">
        Reword it freely: inspiring, qualitative, no numbers (those go in the key results).
      </p>
      {errors.title && <p className="error">{errors.title}</p>}
      <label>
        Rationale
        <textarea
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          rows={2}
          maxLength={2000}
          placeholder="Why this one, in a sentence"
          aria-invalid={Boolean(errors.rationale)}
        />
      </label>
      {errors.rationale && <p className="error">{errors.rationale}</p>}
      <fieldset className="pick-commitment-choice">
        <legend>Commitment</legend>
        <label className="pick-radio">
          <input type="radio" name={`${ids}-commitment`} checked={commitment === 'committed'} onChange={() => setCommitment('committed')} />
          Committed <span className="muted">we will hit it</span>
        </label>
        <label className="pick-radio">
          <input type="radio" name={`${ids}-commitment`} checked={commitment === 'aspirational'} onChange={() => setCommitment('aspirational')} />
          Aspirational <span className="muted">a stretch, 70% is a win</span>
        </label>
      </fieldset>
      <label>
        Description (optional)
        <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={candidates.length === 0}>
          {current ? 'Confirm the new decision' : 'Confirm THE objective'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

import type { Objective } from '@okr/shared/schema';

/** The notes of the cluster chosen as THE objective, as the decision record keeps them; nothing for a single card. */
export function FromNotes({ objective, className = 'pick-from-notes' }: { objective: Objective; className?: string }) {
  const notes = objective.fromNotes;
  if (!notes || notes.length === 0) return null;
  return (
    <div className={className}>
      <span>From the cluster’s notes:</span>
      <ul aria-label="From notes">
        {notes.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
    </div>
  );
}

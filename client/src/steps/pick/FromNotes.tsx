import type { Objective } from '@okr/shared/schema';

type Note = { id: string; text: string };

/** A cluster's notes under a lead line: the ones a decision keeps, or (in the confirm form) will keep. */
export function NoteList({ notes, lead, label }: { notes: readonly Note[]; lead: string; label: string }) {
  return (
    <div className="pick-from-notes">
      <span>{lead}</span>
      <ul aria-label={label}>
        {notes.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The notes of the cluster chosen as THE objective, as the decision record keeps them; nothing for a single card. */
export function FromNotes({ objective }: { objective: Objective }) {
  const notes = objective.fromNotes;
  if (!notes || notes.length === 0) return null;
  return <NoteList notes={notes} lead="From the cluster’s notes:" label="From notes" />;
}

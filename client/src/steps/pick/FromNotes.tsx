import type { Objective } from '@okr/shared/schema';

type Note = { id: string; text: string };

/**
 * A cluster's notes under a lead line: the ones a decision keeps, or (in the confirm form) will keep.
 * With `max`, only the first few and "+N more", where a long cluster would crowd out what is beside it.
 */
export function NoteList({ notes, lead, label, max }: { notes: readonly Note[]; lead: string; label: string; max?: number }) {
  const shown = max === undefined ? notes : notes.slice(0, max);
  const more = notes.length - shown.length;
  return (
    <div className="pick-from-notes">
      <span>{lead}</span>
      <ul aria-label={label}>
        {shown.map((note) => (
          <li key={note.id}>{note.text}</li>
        ))}
        {more > 0 && <li className="note-list-more">+{more} more</li>}
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

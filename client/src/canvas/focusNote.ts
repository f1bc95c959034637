/**
 * Gives the keyboard back to a note once the change a picker made is drawn: the picker's buttons are
 * gone, so focus would fall to the page, and a note moved into a cluster may be a new element.
 * Leaves focus alone if the person has already moved it somewhere else.
 */
export function focusNoteWhenDrawn(noteId: string): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.querySelector<HTMLElement>(`li.note[data-note-id="${CSS.escape(noteId)}"]`)?.focus();
  });
}

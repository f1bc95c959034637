import { BoardDoc, docFromUpdates } from '@okr/shared/doc';
import { CONTEXT_KIND_LABELS } from '@okr/shared/schema';

/** A version's cards, grouped as the board shows them, for a read-only preview. */
export type VersionPreview = { title: string; groups: { label: string; cards: string[] }[] };

/** Reads a version's board (a stored snapshot) into plain lists; the copy is thrown away after. */
export function previewOf(snapshot: Uint8Array): VersionPreview {
  const doc = docFromUpdates([snapshot]);
  try {
    const board = new BoardDoc(doc);
    const groups = [
      { label: 'Context', cards: board.contextItems.list().map((item) => `${CONTEXT_KIND_LABELS[item.kind]}: ${item.text}`) },
      { label: 'Candidate objectives', cards: board.candidates.list().map((card) => card.text) },
      { label: 'Parked', cards: board.parked.list().map((item) => item.text) },
      { label: 'Key results', cards: board.keyResults.list().map((kr) => kr.title) },
      { label: 'Initiatives', cards: board.initiatives.list().map((initiative) => initiative.title) },
    ].filter((group) => group.cards.length > 0);
    return { title: board.workshop().title, groups };
  } finally {
    doc.destroy();
  }
}

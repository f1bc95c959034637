import { useMemo } from 'react';
import type { Candidate } from '@okr/shared/schema';
import { cardAuthors, isPrivateWriting } from '@okr/shared/workshop';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIsMine } from '../../drafts/useMine.ts';
import { Canvas } from '../../canvas/Canvas.tsx';
import { useNotes } from '../../canvas/useNotes.ts';
import { toneOf, type LegendEntry } from '../../canvas/model.ts';

const ANONYMOUS_TONE = 6;

/** Who a candidate is by, in words and in a colour of its own (grey and "Anonymous" on an anonymous board). */
function authorOf(card: Candidate, anonymous: boolean): { label: string; tone: number } {
  const names = anonymous ? [] : cardAuthors(card).map((a) => a.name);
  if (names.length === 0) return { label: 'Anonymous', tone: ANONYMOUS_TONE };
  return { label: names.join(', '), tone: toneOf(card.authorId ?? names[0]!) };
}

/** The candidate objectives as sticky notes, coloured and labelled by author; old groups show as unnamed clusters. */
export function DraftCanvas({ canEdit, projector }: { canEdit: boolean; projector: boolean }) {
  const room = useRoom();
  const control = useControl();
  const candidates = useBoard((board) => board.candidates.list());
  const isMine = useIsMine();
  // Which notes this person may delete changes when they publish: part of what every note is built from.
  const mine = useMemo(() => candidates.filter(isMine).map((c) => c.id).join(','), [candidates, isMine]);
  const notes = useNotes(
    candidates,
    (card) => {
      const author = authorOf(card, control.anonymous);
      return {
        collection: 'candidates',
        id: card.id,
        text: card.text,
        tag: author.label,
        tone: author.tone,
        pos: card.pos,
        clusterId: card.clusterId,
        canDelete: canEdit && (room.isFacilitator || isMine(card)),
        candidate: card,
      };
    },
    `${control.anonymous} ${canEdit} ${mine}`,
  );
  const legend = useMemo(() => {
    const seen = new Map<string, LegendEntry>();
    for (const card of candidates) {
      const author = authorOf(card, control.anonymous);
      if (!seen.has(author.label)) seen.set(author.label, { tone: author.tone, label: author.label });
    }
    return [...seen.values()].slice(0, 12);
  }, [candidates, control.anonymous]);
  const empty = isPrivateWriting(control, 'draft') ? 'Notes appear here, all at once, when the facilitator reveals the drafts.' : 'No candidate objectives yet.';
  return <Canvas step="draft" label="Candidate objectives canvas" notes={notes} legend={legend} canEdit={canEdit} projector={projector} empty={empty} />;
}

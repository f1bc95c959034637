import { memo, useMemo } from 'react';
import type { Candidate } from '@okr/shared/schema';
import { cardAuthors, isPrivateWriting } from '@okr/shared/workshop';
import { useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIsMine } from '../../drafts/useMine.ts';
import { Canvas } from '../../canvas/Canvas.tsx';
import { useCardsApartFromText } from '../../canvas/useCardsApartFromText.ts';
import { toneOf, type LegendEntry, type NoteMakers, type NotePlace } from '../../canvas/model.ts';

const ANONYMOUS_TONE = 6;

/** Who a candidate is by, in words and in a colour of its own (grey and "Anonymous" on an anonymous board). */
function authorOf(card: Candidate, anonymous: boolean): { label: string; tone: number } {
  const names = anonymous ? [] : cardAuthors(card).map((a) => a.name);
  if (names.length === 0) return { label: 'Anonymous', tone: ANONYMOUS_TONE };
  return { label: names.join(', '), tone: toneOf(card.authorId ?? names[0]!) };
}

/**
 * The candidate objectives as sticky notes, coloured and labelled by author; old groups show as
 * unnamed clusters. It reads the cards apart from their text: each note reads its own.
 */
export const DraftCanvas = memo(function DraftCanvas({ canEdit, projector }: { canEdit: boolean; projector: boolean }) {
  const room = useRoom();
  const control = useControl();
  const candidates = useCardsApartFromText('candidates');
  const isMine = useIsMine();
  const places = useMemo(() => candidates.map((card): NotePlace => ({ collection: 'candidates', id: card.id, pos: card.pos, clusterId: card.clusterId })), [candidates]);
  const anonymous = control.anonymous;
  const makers = useMemo<NoteMakers>(
    () => ({
      candidates: (card) => {
        const author = authorOf(card, anonymous);
        return {
          collection: 'candidates',
          id: card.id,
          text: card.text,
          tag: author.label,
          tone: author.tone,
          clusterId: card.clusterId,
          canDelete: canEdit && (room.isFacilitator || isMine(card)),
          candidate: card,
        };
      },
    }),
    [anonymous, canEdit, room, isMine],
  );
  const legend = useMemo(() => {
    const seen = new Map<string, LegendEntry>();
    for (const card of candidates) {
      const author = authorOf(card, anonymous);
      if (!seen.has(author.label)) seen.set(author.label, { tone: author.tone, label: author.label });
    }
    return [...seen.values()].slice(0, 12);
  }, [candidates, anonymous]);
  const empty = isPrivateWriting(control, 'draft') ? 'Notes appear here, all at once, when the facilitator reveals the drafts.' : 'No candidate objectives yet.';
  return <Canvas step="draft" label="Candidate objectives canvas" places={places} makers={makers} legend={legend} canEdit={canEdit} projector={projector} empty={empty} />;
});

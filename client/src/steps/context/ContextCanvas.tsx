import { memo, useMemo } from 'react';
import { CONTEXT_KINDS, CONTEXT_KIND_LABELS } from '@okr/shared/schema';
import { contextLane } from '../../canvas/layoutCards.ts';
import { Canvas } from '../../canvas/Canvas.tsx';
import { useCardsApartFromText } from '../../canvas/useCardsApartFromText.ts';
import type { NoteMakers, NotePlace } from '../../canvas/model.ts';

/**
 * The context as sticky notes, coloured and labelled by kind. It reads the cards apart from their
 * text, so a remote edit re-renders the edited note alone (each note reads its own card).
 */
export const ContextCanvas = memo(function ContextCanvas({ canEdit, projector }: { canEdit: boolean; projector: boolean }) {
  const items = useCardsApartFromText('contextItems');
  const places = useMemo(
    () => items.map((item): NotePlace => ({ collection: 'contextItems', id: item.id, pos: item.pos, clusterId: item.clusterId, lane: contextLane(item.kind) })),
    [items],
  );
  const makers = useMemo<NoteMakers>(
    () => ({
      contextItems: (item) => ({
        collection: 'contextItems',
        id: item.id,
        text: item.text,
        tag: CONTEXT_KIND_LABELS[item.kind],
        tone: CONTEXT_KINDS.indexOf(item.kind),
        clusterId: item.clusterId,
        canDelete: canEdit,
      }),
    }),
    [canEdit],
  );
  const legend = useMemo(
    () => CONTEXT_KINDS.filter((kind) => items.some((item) => item.kind === kind)).map((kind) => ({ tone: CONTEXT_KINDS.indexOf(kind), label: CONTEXT_KIND_LABELS[kind] })),
    [items],
  );
  return <Canvas step="context" label="Context canvas" places={places} makers={makers} legend={legend} canEdit={canEdit} projector={projector} empty="No context yet." />;
});

import { useMemo } from 'react';
import { CONTEXT_KINDS, CONTEXT_KIND_LABELS, type ContextItem } from '@okr/shared/schema';
import { contextLane } from '../../canvas/layoutCards.ts';
import { Canvas } from '../../canvas/Canvas.tsx';
import { useNotes } from '../../canvas/useNotes.ts';

/** The context as sticky notes, coloured and labelled by kind. */
export function ContextCanvas({ items, canEdit, projector }: { items: readonly ContextItem[]; canEdit: boolean; projector: boolean }) {
  const notes = useNotes(
    items,
    (item) => ({
      collection: 'contextItems',
      id: item.id,
      text: item.text,
      tag: CONTEXT_KIND_LABELS[item.kind],
      tone: CONTEXT_KINDS.indexOf(item.kind),
      pos: item.pos,
      clusterId: item.clusterId,
      lane: contextLane(item.kind),
      canDelete: canEdit,
    }),
    String(canEdit),
  );
  const legend = useMemo(
    () => CONTEXT_KINDS.filter((kind) => items.some((item) => item.kind === kind)).map((kind) => ({ tone: CONTEXT_KINDS.indexOf(kind), label: CONTEXT_KIND_LABELS[kind] })),
    [items],
  );
  return <Canvas step="context" label="Context canvas" notes={notes} legend={legend} canEdit={canEdit} projector={projector} empty="No context yet." />;
}

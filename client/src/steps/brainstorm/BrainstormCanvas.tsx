import { memo, useMemo } from 'react';
import { isPrivateWriting } from '@okr/shared/workshop';
import { useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIsMine } from '../../drafts/useMine.ts';
import { Canvas } from '../../canvas/Canvas.tsx';
import { useCardsApartFromText } from '../../canvas/useCardsApartFromText.ts';
import type { NoteMakers, NotePlace } from '../../canvas/model.ts';
import { INITIATIVE_LANE, KEY_RESULT_LANE } from '../../canvas/layoutCards.ts';

const KR_TONE = 0;
const INITIATIVE_TONE = 1;
const LEGEND = [
  { tone: KR_TONE, label: 'Key result' },
  { tone: INITIATIVE_TONE, label: 'Initiative' },
];

/**
 * Key results and initiatives as sticky notes: initiatives apart (their own colour, label and rows
 * of the tidy layout). It reads the cards apart from their titles: each note reads its own.
 */
export const BrainstormCanvas = memo(function BrainstormCanvas({ canEdit, projector }: { canEdit: boolean; projector: boolean }) {
  const room = useRoom();
  const control = useControl();
  const keyResults = useCardsApartFromText('keyResults');
  const initiatives = useCardsApartFromText('initiatives');
  const isMine = useIsMine();
  const places = useMemo(
    () => [
      ...keyResults.map((kr): NotePlace => ({ collection: 'keyResults', id: kr.id, pos: kr.pos, clusterId: kr.clusterId, lane: KEY_RESULT_LANE })),
      ...initiatives.map((initiative): NotePlace => ({ collection: 'initiatives', id: initiative.id, pos: initiative.pos, clusterId: initiative.clusterId, lane: INITIATIVE_LANE })),
    ],
    [keyResults, initiatives],
  );
  const makers = useMemo<NoteMakers>(
    () => ({
      keyResults: (kr) => ({
        collection: 'keyResults',
        id: kr.id,
        text: kr.title,
        tag: 'Key result',
        tone: KR_TONE,
        clusterId: kr.clusterId,
        canDelete: canEdit && (room.isFacilitator || isMine(kr)),
      }),
      initiatives: (initiative) => ({
        collection: 'initiatives',
        id: initiative.id,
        text: initiative.title,
        tag: 'Initiative',
        tone: INITIATIVE_TONE,
        clusterId: initiative.clusterId,
        canDelete: canEdit,
      }),
    }),
    [canEdit, room, isMine],
  );
  const empty = isPrivateWriting(control, 'brainstorm') ? 'Key results appear here, all at once, when the facilitator reveals the drafts.' : 'No key results yet.';
  return <Canvas step="brainstorm" label="Key results canvas" places={places} makers={makers} legend={LEGEND} canEdit={canEdit} projector={projector} empty={empty} />;
});

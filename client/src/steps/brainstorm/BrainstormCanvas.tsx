import { useMemo } from 'react';
import type { Initiative, KeyResult } from '@okr/shared/schema';
import { isPrivateWriting } from '@okr/shared/workshop';
import { useBoard, useControl } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useIsMine } from '../../drafts/useMine.ts';
import { Canvas } from '../../canvas/Canvas.tsx';
import { useNotes } from '../../canvas/useNotes.ts';
import type { CanvasNote } from '../../canvas/model.ts';
import { INITIATIVE_LANE, KEY_RESULT_LANE } from '../../canvas/layoutCards.ts';

const KR_TONE = 0;
const INITIATIVE_TONE = 1;
const LEGEND = [
  { tone: KR_TONE, label: 'Key result' },
  { tone: INITIATIVE_TONE, label: 'Initiative' },
];

/** Key results and initiatives as sticky notes: initiatives apart (their own colour, label and rows of the tidy layout). */
export function BrainstormCanvas({ keyResults, canEdit, projector }: { keyResults: readonly KeyResult[]; canEdit: boolean; projector: boolean }) {
  const room = useRoom();
  const control = useControl();
  const initiatives = useBoard((board) => board.initiatives.list());
  const isMine = useIsMine();
  const mine = useMemo(() => keyResults.filter(isMine).map((kr) => kr.id).join(','), [keyResults, isMine]);
  const krNotes = useNotes(
    keyResults,
    (kr: KeyResult): CanvasNote => ({
      collection: 'keyResults',
      id: kr.id,
      text: kr.title,
      tag: 'Key result',
      tone: KR_TONE,
      pos: kr.pos,
      clusterId: kr.clusterId,
      lane: KEY_RESULT_LANE,
      canDelete: canEdit && (room.isFacilitator || isMine(kr)),
    }),
    `${canEdit} ${mine}`,
  );
  const initiativeNotes = useNotes(
    initiatives,
    (initiative: Initiative): CanvasNote => ({
      collection: 'initiatives',
      id: initiative.id,
      text: initiative.title,
      tag: 'Initiative',
      tone: INITIATIVE_TONE,
      pos: initiative.pos,
      clusterId: initiative.clusterId,
      lane: INITIATIVE_LANE,
      canDelete: canEdit,
    }),
    String(canEdit),
  );
  const notes = useMemo(() => [...krNotes, ...initiativeNotes], [krNotes, initiativeNotes]);
  const empty = isPrivateWriting(control, 'brainstorm') ? 'Key results appear here, all at once, when the facilitator reveals the drafts.' : 'No key results yet.';
  return <Canvas step="brainstorm" label="Key results canvas" notes={notes} legend={LEGEND} canEdit={canEdit} projector={projector} empty={empty} />;
}

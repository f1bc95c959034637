import { useCallback } from 'react';
import type { BoardDoc } from '@okr/shared/doc';
import type { CanvasPos, CanvasStep } from '@okr/shared/schema';
import { layoutCanvas, layoutRects, placeNewNote, type LayoutCard } from '@okr/shared/workshop';
import { useBoardUiStore } from '../state/BoardUiContext.tsx';
import { useRoom } from '../sync/RoomContext.tsx';
import { toWorld } from './camera.ts';
import { useBoardView } from './useBoardView.ts';

/**
 * Where a note written now should land: in the middle of what its writer sees on the canvas, clear
 * of every other note; undefined when the writer is not looking at the canvas (the tidy layout then places it).
 */
export function useNewNotePlace(step: CanvasStep, cardsOf: (board: BoardDoc) => readonly LayoutCard[]): () => CanvasPos | undefined {
  const room = useRoom();
  const store = useBoardUiStore();
  const view = useBoardView();
  return useCallback(() => {
    const { cameras, canvasSize } = store.getState();
    const camera = cameras[step];
    if (view !== 'canvas' || !camera || canvasSize.w === 0) return undefined;
    const clusters = room.board.clusters.list().filter((c) => c.step === step);
    const taken = layoutRects(layoutCanvas(cardsOf(room.board), clusters));
    return placeNewNote(toWorld(camera, { x: canvasSize.w / 2, y: canvasSize.h / 2 }), taken);
  }, [room, store, view, step, cardsOf]);
}

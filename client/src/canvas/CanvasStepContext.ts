import { createContext, useContext } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import type { Frame, PlacedNote } from '@okr/shared/workshop';

/** The canvas a note or picker sits on: its step, its clusters as drawn, and where each note is. */
export type CanvasStepInfo = { step: CanvasStep; frames: readonly Frame[]; placed: (id: string) => PlacedNote | undefined };

export const CanvasStepContext = createContext<CanvasStepInfo | null>(null);

export function useCanvasStep(): CanvasStepInfo {
  const info = useContext(CanvasStepContext);
  if (!info) throw new Error('useCanvasStep must be used inside a canvas.');
  return info;
}

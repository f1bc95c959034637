import { createContext, useContext } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import type { NoteStore } from './noteStore.ts';

/** The canvas a note or picker sits on: its step, and its notes and clusters as drawn (read through `useNoteShape` and `useNoteView`). */
export type CanvasStepInfo = { step: CanvasStep; store: NoteStore };

export const CanvasStepContext = createContext<CanvasStepInfo | null>(null);

export function useCanvasStep(): CanvasStepInfo {
  const info = useContext(CanvasStepContext);
  if (!info) throw new Error('useCanvasStep must be used inside a canvas.');
  return info;
}

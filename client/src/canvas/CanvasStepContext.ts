import { createContext, useContext } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import type { NoteMakers } from './model.ts';
import type { NoteStore } from './noteStore.ts';

/** The canvas a note or picker sits on: its step, its notes and clusters as drawn (read through `useNoteShape` and `useNoteView`), and how its cards become notes. */
export type CanvasStepInfo = { step: CanvasStep; store: NoteStore; makers: NoteMakers };

export const CanvasStepContext = createContext<CanvasStepInfo | null>(null);

export function useCanvasStep(): CanvasStepInfo {
  const info = useContext(CanvasStepContext);
  if (!info) throw new Error('useCanvasStep must be used inside a canvas.');
  return info;
}

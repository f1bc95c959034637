import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { BoardUi, BoardUiStore } from './boardUi.ts';

/** The UI store of the board on screen; BoardPage provides one per room connection. */
export const BoardUiContext = createContext<BoardUiStore | null>(null);

/** The store itself, for event handlers and effects that read or act without subscribing. */
export function useBoardUiStore(): BoardUiStore {
  const store = useContext(BoardUiContext);
  if (!store) throw new Error('useBoardUi must be used inside a board (BoardUiContext is missing).');
  return store;
}

/** One slice of the board's UI state: re-renders only when that slice changes. Example: `useBoardUi((s) => s.editingId)`. */
export function useBoardUi<T>(selector: (ui: BoardUi) => T): T {
  return useStore(useBoardUiStore(), selector);
}

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Per-device preferences, remembered across boards. */
type Preferences = {
  timerSound: boolean;
  presenting: boolean;
  /** Canvas or list on the Context, Draft and Brainstorm steps; null: by screen width (see useBoardView). */
  boardView: 'canvas' | 'list' | null;
  setTimerSound: (on: boolean) => void;
  setPresenting: (on: boolean) => void;
  setBoardView: (view: 'canvas' | 'list') => void;
};

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      timerSound: false,
      presenting: false,
      boardView: null,
      setTimerSound: (timerSound) => set({ timerSound }),
      setPresenting: (presenting) => set({ presenting }),
      setBoardView: (boardView) => set({ boardView }),
    }),
    { name: 'okr-board-preferences' },
  ),
);

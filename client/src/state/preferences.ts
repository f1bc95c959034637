import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Per-device preferences, remembered across boards. */
type Preferences = {
  timerSound: boolean;
  presenting: boolean;
  /** Canvas or list on the Context, Draft and Brainstorm steps; null: by screen width (see useBoardView). */
  boardView: 'canvas' | 'list' | null;
  /** Moving the group starts the new step's timebox at once, rather than offering it. */
  startTimerOnMove: boolean;
  setTimerSound: (on: boolean) => void;
  setPresenting: (on: boolean) => void;
  setBoardView: (view: 'canvas' | 'list') => void;
  setStartTimerOnMove: (on: boolean) => void;
};

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      timerSound: false,
      presenting: false,
      boardView: null,
      startTimerOnMove: false,
      setTimerSound: (timerSound) => set({ timerSound }),
      setPresenting: (presenting) => set({ presenting }),
      setBoardView: (boardView) => set({ boardView }),
      setStartTimerOnMove: (startTimerOnMove) => set({ startTimerOnMove }),
    }),
    { name: 'okr-board-preferences' },
  ),
);

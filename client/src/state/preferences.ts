import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Per-device preferences, remembered across boards. */
type Preferences = {
  timerSound: boolean;
  presenting: boolean;
  /** Moving the group starts the new step's timebox at once, rather than offering it. */
  startTimerOnMove: boolean;
  setTimerSound: (on: boolean) => void;
  setPresenting: (on: boolean) => void;
  setStartTimerOnMove: (on: boolean) => void;
};

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      timerSound: false,
      presenting: false,
      startTimerOnMove: false,
      setTimerSound: (timerSound) => set({ timerSound }),
      setPresenting: (presenting) => set({ presenting }),
      setStartTimerOnMove: (startTimerOnMove) => set({ startTimerOnMove }),
    }),
    { name: 'okr-board-preferences' },
  ),
);

import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** Per-device preferences, remembered across boards. */
type Preferences = {
  timerSound: boolean;
  presenting: boolean;
  setTimerSound: (on: boolean) => void;
  setPresenting: (on: boolean) => void;
};

export const usePreferences = create<Preferences>()(
  persist(
    (set) => ({
      timerSound: false,
      presenting: false,
      setTimerSound: (timerSound) => set({ timerSound }),
      setPresenting: (presenting) => set({ presenting }),
    }),
    { name: 'okr-board-preferences' },
  ),
);

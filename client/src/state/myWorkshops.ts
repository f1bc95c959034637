import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { StepId } from '@okr/shared/schema';

/** A board this device created or facilitated, with the key that reopens it with the facilitator's rights. */
export type MyWorkshop = { roomId: string; facilitatorKey: string; title: string; step: StepId; createdAt: number; lastOpened: number };

type MyWorkshopsState = {
  workshops: MyWorkshop[];
  /** Adds or refreshes a board: `remember({ roomId, facilitatorKey })` when it is opened, title and step as they change. */
  remember: (entry: Pick<MyWorkshop, 'roomId' | 'facilitatorKey'> & Partial<Omit<MyWorkshop, 'roomId' | 'facilitatorKey'>>) => void;
  forget: (roomId: string) => void;
};

/**
 * The home page's "Your workshops", kept on this device (localStorage): a facilitator who closes
 * the browser gets the board back from here. Keys never leave the device except to its server.
 */
export const useMyWorkshops = create<MyWorkshopsState>()(
  persist(
    (set) => ({
      workshops: [],
      remember: (entry) =>
        set(({ workshops }) => {
          const now = Date.now();
          const known = workshops.find((w) => w.roomId === entry.roomId);
          const next: MyWorkshop = { title: 'OKR workshop', step: 'context', createdAt: now, ...known, lastOpened: now, ...entry };
          if (known && JSON.stringify({ ...known, lastOpened: 0 }) === JSON.stringify({ ...next, lastOpened: 0 })) return {};
          return { workshops: [next, ...workshops.filter((w) => w.roomId !== entry.roomId)] };
        }),
      forget: (roomId) => set(({ workshops }) => ({ workshops: workshops.filter((w) => w.roomId !== roomId) })),
    }),
    { name: 'okr-my-workshops' },
  ),
);

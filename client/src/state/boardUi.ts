import { create } from 'zustand';
import type { StepId } from '@okr/shared/schema';

/** Local UI state for one board: nothing here is shared or stored on the server. */
type BoardUi = {
  /** A step a participant is looking back at (read-only), or null to follow the group. */
  lookingAt: StepId | null;
  /** The card whose editor is open on this device. */
  editingId: string | null;
  lookAt: (step: StepId | null) => void;
  edit: (id: string | null) => void;
};

export const useBoardUi = create<BoardUi>()((set) => ({
  lookingAt: null,
  editingId: null,
  lookAt: (step) => set({ lookingAt: step }),
  edit: (id) => set({ editingId: id }),
}));

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StepId } from '@okr/shared/schema';

export type PendingMove = { to: StepId; unmet: string[] };

/** Local UI state for one board: nothing here is shared or stored on the server. */
export type BoardUi = {
  /** A step a participant is looking back at (read-only), or null to follow the group. */
  lookingAt: StepId | null;
  /**
   * A step this person stays on, editable, because they were mid-card when the group moved on:
   * a step change never discards a half-written card.
   */
  heldAt: StepId | null;
  /** The card whose editor is open on this device. */
  editingId: string | null;
  /** Editors with unsaved text on this device, by editor key. */
  unsaved: Readonly<Record<string, true>>;
  /** A forward move waiting for the facilitator to confirm what is unmet. */
  pendingMove: PendingMove | null;
  lookAt: (step: StepId | null) => void;
  hold: (step: StepId | null) => void;
  edit: (id: string | null) => void;
  markUnsaved: (key: string, unsaved: boolean) => void;
  askToMove: (move: PendingMove | null) => void;
};

export type BoardUiStore = StoreApi<BoardUi>;

/**
 * A fresh UI store for one room connection: opening another board starts from nothing open,
 * nothing held. Plain zustand (no React), so it is testable on its own.
 */
export function createBoardUiStore(): BoardUiStore {
  return createStore<BoardUi>()((set) => ({
    lookingAt: null,
    heldAt: null,
    editingId: null,
    unsaved: {},
    pendingMove: null,
    lookAt: (step) => set({ lookingAt: step }),
    hold: (step) => set({ heldAt: step }),
    edit: (id) => set({ editingId: id }),
    markUnsaved: (key, unsaved) =>
      set((state) => {
        if (Boolean(state.unsaved[key]) === unsaved) return state;
        const next = { ...state.unsaved };
        if (unsaved) next[key] = true;
        else delete next[key];
        return { unsaved: next };
      }),
    askToMove: (pendingMove) => set({ pendingMove }),
  }));
}

/** Whether any editor on this device holds unsaved text. */
export function hasUnsavedWork(ui: Pick<BoardUi, 'unsaved'>): boolean {
  return Object.keys(ui.unsaved).length > 0;
}

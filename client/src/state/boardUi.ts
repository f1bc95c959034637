import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CanvasStep, StepId } from '@okr/shared/schema';
import type { Camera, Size } from '../canvas/camera.ts';
import type { UnmetItem } from '@okr/shared/workshop';
import { rememberDrafts, type LastSeenDrafts } from '../drafts/lastSeenDrafts.ts';
import type { WriterPresence } from '../drafts/writingSummary.ts';

export type PendingMove = { to: StepId; unmet: UnmetItem[] };

/**
 * The menus, pickers and forms open on this device, at most one of each kind. Each closes when the
 * component showing it goes away, as its own state would (see useOpenForm).
 */
export type OpenForms = {
  /** The card menu ("more actions") that is open, by the menu's id. */
  menu: string | null;
  /** The "Group with…", "Merge into…" or (on a canvas) "Move to cluster…" picker open on a card. */
  targetPicker: { cardId: string; mode: 'group' | 'merge' | 'cluster' } | null;
  /** The Park step's form: parking a card (asks the reason) or editing a parked one; `text` as the form opened. */
  parkForm: { kind: 'park' | 'edit'; key: string; text: string } | null;
  /** The "Add to parking lot" form. */
  addToParkingLot: boolean;
  /** The facilitator's form to confirm THE objective, opened on purpose (to change it, or to decide without a vote). */
  decideObjective: boolean;
  /** The chooser of the context THE objective serves; null: open while nothing is linked. */
  linkContext: boolean | null;
  /** The facilitator's History dialog. */
  history: boolean;
};

export type FormName = keyof OpenForms;

export const CLOSED_FORMS: Readonly<OpenForms> = {
  menu: null,
  targetPicker: null,
  parkForm: null,
  addToParkingLot: false,
  decideObjective: false,
  linkContext: null,
  history: false,
};

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
  /** The menus, pickers and forms open on this device. */
  forms: OpenForms;
  /** Editors with unsaved text on this device, by editor key. */
  unsaved: Readonly<Record<string, true>>;
  /** A forward move waiting for the facilitator to confirm what is unmet. */
  pendingMove: PendingMove | null;
  /** Everyone's private draft counts as presence last showed them this session (the facilitator's reveal warning). */
  lastSeenDrafts: LastSeenDrafts;
  /** Each canvas's pan and zoom on this device, and the size of its viewport. */
  cameras: Partial<Record<CanvasStep, Camera>>;
  canvasSize: Size;
  /** This participant stopped following the facilitator's "Follow me" (until it is turned on again). */
  unfollowed: boolean;
  lookAt: (step: StepId | null) => void;
  hold: (step: StepId | null) => void;
  edit: (id: string | null) => void;
  openForm: <K extends FormName>(name: K, value: OpenForms[K]) => void;
  markUnsaved: (key: string, unsaved: boolean) => void;
  askToMove: (move: PendingMove | null) => void;
  seePresence: (people: readonly WriterPresence[]) => void;
  setCamera: (step: CanvasStep, camera: Camera) => void;
  setCanvasSize: (size: Size) => void;
  unfollow: (unfollowed: boolean) => void;
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
    forms: CLOSED_FORMS,
    unsaved: {},
    pendingMove: null,
    lastSeenDrafts: {},
    cameras: {},
    canvasSize: { w: 0, h: 0 },
    unfollowed: false,
    lookAt: (step) => set({ lookingAt: step }),
    hold: (step) => set({ heldAt: step }),
    edit: (id) => set({ editingId: id }),
    openForm: (name, value) => set((state) => ({ forms: { ...state.forms, [name]: value } })),
    markUnsaved: (key, unsaved) =>
      set((state) => {
        if (Boolean(state.unsaved[key]) === unsaved) return state;
        const next = { ...state.unsaved };
        if (unsaved) next[key] = true;
        else delete next[key];
        return { unsaved: next };
      }),
    askToMove: (pendingMove) => set({ pendingMove }),
    setCamera: (step, camera) =>
      set((state) => {
        const now = state.cameras[step];
        return now && now.x === camera.x && now.y === camera.y && now.zoom === camera.zoom && now.auto === camera.auto ? state : { cameras: { ...state.cameras, [step]: camera } };
      }),
    setCanvasSize: (canvasSize) => set((state) => (state.canvasSize.w === canvasSize.w && state.canvasSize.h === canvasSize.h ? state : { canvasSize })),
    unfollow: (unfollowed) => set({ unfollowed }),
    seePresence: (people) => set((state) => ({ lastSeenDrafts: rememberDrafts(state.lastSeenDrafts, people) })),
  }));
}

/** Whether any editor on this device holds unsaved text. */
export function hasUnsavedWork(ui: Pick<BoardUi, 'unsaved'>): boolean {
  return Object.keys(ui.unsaved).length > 0;
}

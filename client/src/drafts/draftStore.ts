import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { newRecordId, type PrivateWritingStep } from '@okr/shared/schema';

/**
 * One private card: text on this device until a reveal publishes it. On an anonymous board it is
 * also handed to the server (`handedOver` once the server has it), which publishes it unsigned.
 */
export type Draft = { id: string; text: string; createdAt: number; handedOver?: true };

/** What this device keeps for one room. */
export type RoomDrafts = {
  drafts: Partial<Record<PrivateWritingStep, readonly Draft[]>>;
  /** Per step, the reveal count this device last published for (see planReveal). */
  publishedFor: Partial<Record<PrivateWritingStep, number>>;
  /** Ids of cards this device put on the board: "yours", even on an anonymous board. */
  mine: readonly string[];
};

type DraftsState = {
  /** By room id. */
  rooms: Readonly<Record<string, RoomDrafts>>;
  /** Why the server last refused this device's drafts, by room; null once it takes them. Not kept across reloads. */
  handOverError: Readonly<Record<string, string | null>>;
  setHandOverError: (room: string, message: string | null) => void;
  addDraft: (room: string, step: PrivateWritingStep, text: string) => string;
  editDraft: (room: string, step: PrivateWritingStep, id: string, text: string) => void;
  removeDraft: (room: string, step: PrivateWritingStep, id: string) => void;
  /**
   * Settles a reveal in one update: drops the published drafts, remembers the count and the
   * published ids as this device's own. A second call for the same reveal finds nothing to do.
   */
  settle: (room: string, step: PrivateWritingStep, publishedFor: number, publishedIds: readonly string[]) => void;
  /** Remembers cards this device wrote straight to the board. */
  rememberMine: (room: string, ids: readonly string[]) => void;
  /** Marks drafts the server now holds: this device will never publish them itself, even if the board stops being anonymous. */
  markHandedOver: (room: string, step: PrivateWritingStep, ids: readonly string[]) => void;
  /** Drops drafts that reached the board (the server published them) and remembers them as this device's. */
  arrived: (room: string, step: PrivateWritingStep, ids: readonly string[]) => void;
};

export const EMPTY_ROOM: RoomDrafts = { drafts: {}, publishedFor: {}, mine: [] };
const MAX_TEXT = 500;
/** Enough for any workshop; the oldest ids fall off first. */
const MAX_MINE = 500;

function patchRoom(state: DraftsState, room: string, change: (current: RoomDrafts) => RoomDrafts): Pick<DraftsState, 'rooms'> {
  return { rooms: { ...state.rooms, [room]: change(state.rooms[room] ?? EMPTY_ROOM) } };
}

function withStep(current: RoomDrafts, step: PrivateWritingStep, drafts: readonly Draft[]): RoomDrafts {
  return { ...current, drafts: { ...current.drafts, [step]: drafts } };
}

/**
 * Private drafts, per room and step, in this browser's localStorage: a reload, a crash or a
 * reconnect loses nothing. On a board that is not anonymous nothing leaves the device before a
 * reveal; on an anonymous one the server keeps a copy, private, to publish unsigned. Presence
 * carries only their count.
 */
export const useDrafts = create<DraftsState>()(
  persist(
    (set) => ({
      rooms: {},
      handOverError: {},
      setHandOverError: (room, message) =>
        set((state) => ((state.handOverError[room] ?? null) === message ? state : { handOverError: { ...state.handOverError, [room]: message } })),
      addDraft: (room, step, text) => {
        const id = newRecordId();
        set((state) =>
          patchRoom(state, room, (current) =>
            withStep(current, step, [...(current.drafts[step] ?? []), { id, text: text.trim().slice(0, MAX_TEXT), createdAt: Date.now() }]),
          ),
        );
        return id;
      },
      editDraft: (room, step, id, text) =>
        set((state) =>
          patchRoom(state, room, (current) =>
            withStep(current, step, (current.drafts[step] ?? []).map((d) => (d.id === id ? { ...d, text: text.trim().slice(0, MAX_TEXT) } : d))),
          ),
        ),
      removeDraft: (room, step, id) =>
        set((state) => patchRoom(state, room, (current) => withStep(current, step, (current.drafts[step] ?? []).filter((d) => d.id !== id)))),
      settle: (room, step, publishedFor, publishedIds) =>
        set((state) =>
          patchRoom(state, room, (current) => {
            const gone = new Set(publishedIds);
            return {
              drafts: { ...current.drafts, [step]: (current.drafts[step] ?? []).filter((d) => !gone.has(d.id)) },
              publishedFor: { ...current.publishedFor, [step]: publishedFor },
              mine: publishedIds.length ? [...current.mine, ...publishedIds].slice(-MAX_MINE) : current.mine,
            };
          }),
        ),
      rememberMine: (room, ids) => set((state) => patchRoom(state, room, (current) => ({ ...current, mine: [...current.mine, ...ids].slice(-MAX_MINE) }))),
      markHandedOver: (room, step, ids) =>
        set((state) =>
          patchRoom(state, room, (current) => {
            const handed = new Set(ids);
            return withStep(current, step, (current.drafts[step] ?? []).map((d) => (handed.has(d.id) && !d.handedOver ? { ...d, handedOver: true as const } : d)));
          }),
        ),
      arrived: (room, step, ids) =>
        set((state) =>
          patchRoom(state, room, (current) => {
            const gone = new Set(ids);
            return { ...withStep(current, step, (current.drafts[step] ?? []).filter((d) => !gone.has(d.id))), mine: [...current.mine, ...ids].slice(-MAX_MINE) };
          }),
        ),
    }),
    { name: 'okr-board-drafts', version: 1, partialize: (state) => ({ rooms: state.rooms }) },
  ),
);

// Two tabs on one device share localStorage but not memory: pick up the other tab's changes so
// a draft published (or written) there is not published twice (or lost) here.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === 'okr-board-drafts') void useDrafts.persist.rehydrate();
  });
}

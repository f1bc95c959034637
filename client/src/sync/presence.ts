import type { Awareness } from 'y-protocols/awareness';
import { presenceSchema, type PresenceState } from '@okr/shared/schema';

export type Presence = PresenceState & { clientId: number };

/** Valid presence states, one per person (their newest device wins), sorted by name. */
export function readPresence(awareness: Awareness): readonly Presence[] {
  const byUser = new Map<string, Presence>();
  awareness.getStates().forEach((state, clientId) => {
    const parsed = presenceSchema.safeParse(state);
    if (!parsed.success) return;
    const existing = byUser.get(parsed.data.user.id);
    if (!existing || clientId === awareness.clientID) byUser.set(parsed.data.user.id, { ...parsed.data, clientId });
  });
  return [...byUser.values()].sort((a, b) => a.user.name.localeCompare(b.user.name));
}

/** Merges `patch` into this device's presence. */
export function updatePresence(awareness: Awareness, patch: Partial<PresenceState>): void {
  const current = (awareness.getLocalState() ?? {}) as Partial<PresenceState>;
  awareness.setLocalState({ ...current, ...patch });
}

import type { Awareness } from 'y-protocols/awareness';
import { z } from 'zod';

/** What each device tells the others through awareness; never stored. */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().max(64),
    name: z.string().max(120),
    color: z.string().max(32),
    role: z.enum(['facilitator', 'participant']),
  }),
  /** Private drafts per step: others see "Ana is writing (2)", never the text. */
  drafts: z.record(z.string(), z.number().int().min(0)).optional(),
  /** "I'm done" per step. */
  ready: z.record(z.string(), z.boolean()).optional(),
});
export type PresenceState = z.infer<typeof presenceSchema>;
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

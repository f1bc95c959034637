import { z } from 'zod/mini';
import { nameField } from './displayName.ts';
import { CANVAS_STEPS } from './cluster.ts';
import { recordIdSchema } from './common.ts';

const coordinate = z.number().check(z.minimum(-1e6), z.maximum(1e6));
const size = z.number().check(z.minimum(1), z.maximum(1e7));

/** What each device tells the others through awareness; never stored. */
export const presenceSchema = z.object({
  user: z.object({
    id: z.string().check(z.maxLength(64)),
    name: nameField(120),
    color: z.string().check(z.maxLength(32)),
    role: z.enum(['facilitator', 'participant']),
  }),
  /**
   * The seat this state belongs to, stamped by the server on every state it relays (whatever the
   * client sent): people, readiness and "not voted yet" are keyed by it, never by `user.id`, which
   * any client may claim. Absent only on this device's own state, which the server never echoes.
   */
  seatId: z.optional(z.string().check(z.maxLength(64))),
  /** Private drafts per step: others see "Ana is writing (2)", never the text. */
  drafts: z.optional(z.record(z.string(), z.int().check(z.minimum(0)))),
  /**
   * The Yjs client id this device writes the board under, so a lost conflict can name its winner
   * ("Ben's change replaced your target"). Published only while the board is not anonymous: the
   * presence id itself is a separate random id, so nothing else ties a person to their writes.
   */
  writer: z.optional(z.int().check(z.minimum(0))),
  /** "I'm done" per step. */
  ready: z.optional(z.record(z.string(), z.boolean())),
  /** Where the pointer is on a canvas, in canvas units, while it is over one (about 20 a second at most). */
  cursor: z.optional(z.object({ step: z.enum(CANVAS_STEPS), x: coordinate, y: coordinate })),
  /** A note being dragged and where its corner is now: others watch it move; only the drop is written to the board. */
  dragging: z.optional(z.object({ step: z.enum(CANVAS_STEPS), id: recordIdSchema, x: coordinate, y: coordinate })),
  /** The part of a canvas this person sees: the projector and "Follow me" show the facilitator's. */
  view: z.optional(z.object({ step: z.enum(CANVAS_STEPS), x: coordinate, y: coordinate, w: size, h: size })),
});
export type PresenceState = z.infer<typeof presenceSchema>;

import { z } from 'zod/mini';
import { nameField } from './displayName.ts';
import { recordIdSchema } from './common.ts';

/**
 * A seat: the identity the server issues to one person in one room. Its id is public within the
 * room (ballots and readiness name it); the secret that claims it stays on the person's device and
 * only its hash is kept, in the server-private document (see doc/privateDoc.ts).
 */
export const seatSchema = z.object({
  id: recordIdSchema,
  /** What the person called themselves, or the facilitator's correction; empty until named. */
  name: nameField(120),
  createdAt: z.int().check(z.minimum(0)),
  /** Set when the facilitator merged this seat into another (someone who joined twice): that one counts. */
  mergedInto: z.optional(recordIdSchema),
});
export type Seat = z.infer<typeof seatSchema>;

/** A seat as its holder and the facilitator see it, without anything that claims it. */
export type SeatView = Pick<Seat, 'id' | 'name'>;

import { z } from 'zod';
import { cleanName, recordIdSchema } from '@okr/shared/schema';
import { newSecret } from '../store/keys.ts';
import { defineOp, RequestError, type RoomOp } from './roomRequests.ts';
import { SeatError } from './seatBook.ts';

/** A seat's name as the room will see it (cleanName: no bidi controls or invisible characters); at least one visible character. */
const seatName = z
  .string()
  .max(120)
  .transform(cleanName)
  .pipe(z.string().min(1, 'a name needs at least one visible character'));

/** Turns the seat book's refusals into answers. */
function seatCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof SeatError) throw new RequestError(err.code, err.message);
    throw err;
  }
}

/**
 * Seats over the request channel: anyone learns and names their own seat; the facilitator lists,
 * renames, merges (someone who joined twice) and hands a seat over to another device.
 */
export const seatOps: Record<string, RoomOp> = {
  mySeat: defineOp({
    roles: ['facilitator', 'participant', 'viewer'],
    args: z.object({}).strict(),
    run: ({ seat }) => ({ id: seat.id, name: seat.name }),
  }),
  nameMySeat: defineOp({
    roles: ['facilitator', 'participant'],
    args: z.object({ name: seatName }).strict(),
    run: ({ seat, room }, { name }) => {
      const renamed = seatCall(() => room.seats.rename(seat.id, name));
      room.seatChanged(renamed.id);
      return { id: renamed.id, name: renamed.name };
    },
  }),
  listSeats: defineOp({
    roles: ['facilitator'],
    args: z.object({}).strict(),
    run: ({ room }) => room.seatList(),
  }),
  renameSeat: defineOp({
    roles: ['facilitator'],
    args: z.object({ seatId: recordIdSchema, name: seatName }).strict(),
    run: ({ room }, { seatId, name }) => {
      const renamed = seatCall(() => room.seats.rename(seatId, name));
      room.seatChanged(renamed.id);
      return { id: renamed.id, name: renamed.name };
    },
  }),
  mergeSeats: defineOp({
    roles: ['facilitator'],
    args: z.object({ from: recordIdSchema, into: recordIdSchema }).strict(),
    run: ({ room }, { from, into }) => {
      const kept = seatCall(() => room.seats.merge(from, into));
      room.seatsMerged(from, kept.id);
      return { id: kept.id, name: kept.name };
    },
  }),
  handOverSeat: defineOp({
    roles: ['facilitator'],
    args: z.object({ seatId: recordIdSchema }).strict(),
    run: ({ room }, { seatId }) => {
      const secret = newSecret();
      seatCall(() => room.seats.handOver(seatId, secret));
      return { seatId, secret };
    },
  }),
};

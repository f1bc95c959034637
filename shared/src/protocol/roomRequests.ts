import { z } from 'zod/mini';

/**
 * The room request channel, shared by the server and the app's client: a y-websocket message type
 * of our own past the protocol's four, carrying one JSON text. The client sends `{id, op, args}`
 * and gets `{id, ok: true, result}` or `{id, ok: false, error: {code, message}}`; the server also
 * pushes `{event, data}` about the connection's own seat (and, to facilitators, the room's).
 */
export const MESSAGE_REQUEST = 100;

/**
 * Sent as `?proto=` on the websocket URL to announce the channel: only such connections get events
 * they did not ask for (stock y-websocket clients log every unknown message type).
 */
export const REQUEST_PROTOCOL = 'okr-requests-1';

export const requestEnvelopeSchema = z.object({
  id: z.union([z.int().check(z.minimum(0)), z.string().check(z.maxLength(64))]),
  op: z.string().check(z.maxLength(64)),
  args: z.optional(z.unknown()),
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export type RequestFailure = { code: string; message: string };

/** What the server sends on the channel: an answer to a request, or an event. */
export const roomMessageSchema = z.union([
  z.object({ id: z.union([z.number(), z.string()]), ok: z.literal(true), result: z.unknown() }),
  z.object({ id: z.union([z.number(), z.string()]), ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
  z.object({ event: z.string(), data: z.unknown() }),
]);
export type RoomMessage = z.infer<typeof roomMessageSchema>;

/** The seat a connection holds, as its holder hears it (event `seat`, op `mySeat`). */
export type SeatInfo = { id: string; name: string };

/**
 * One seat on the facilitator's People screen (op `listSeats`, event `seats`). `role` and
 * `devices` describe who holds it now (null and 0 when nobody does); `voted` is whether it has
 * placed all its dots in the open round, as "N of M have voted" counts (null when no round is open).
 */
export type SeatRow = {
  id: string;
  name: string;
  role: 'facilitator' | 'participant' | null;
  connected: boolean;
  devices: number;
  voted: boolean | null;
};

import { z } from 'zod';
import { requestEnvelopeSchema, type RequestEnvelope } from '@okr/shared/protocol';
import type { Seat } from '@okr/shared/schema';
import type { Role } from '../access.ts';
import { encodeRoomMessage } from './protocol.ts';
import type { Peer, Room } from './room.ts';

/** What an op runs with: who asks (the connection and the seat it holds, after merges) and where. */
export type RequestContext = { peer: Peer; seat: Seat; room: Room };

/** One request op: the roles that may call it, its arguments' schema, and what it does. */
export type RoomOp<A extends z.ZodType = z.ZodType> = {
  roles: readonly Role[];
  args: A;
  run: (ctx: RequestContext, args: z.infer<A>) => unknown;
};

/** A refusal the caller can act on: sent back as `{ok: false, error: {code, message}}`, the connection stays. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** A request frame that is not `{id, op, args}` JSON: nothing to answer to, so the connection is closed. */
export class MalformedRequestError extends Error {
  override name = 'MalformedRequestError';
}

/** Keeps the ops' argument types when several are listed together: `defineOp({ roles, args, run })`. */
export function defineOp<A extends z.ZodType>(op: RoomOp<A>): RoomOp<A> {
  return op;
}

/**
 * The ops room features register (seats, votes, …) and the dispatch of one request frame: parse,
 * find the op, check the role, validate the arguments, run, answer. Every refusal is an answer
 * with a code; only a frame that is not a request at all closes the connection.
 */
export class RoomRequests {
  private readonly ops = new Map<string, RoomOp>();

  /** Adds a feature's ops; a name given twice is a programming error. */
  register(ops: Record<string, RoomOp>): this {
    for (const [name, op] of Object.entries(ops)) {
      if (this.ops.has(name)) throw new Error(`room op ${name} registered twice`);
      this.ops.set(name, op);
    }
    return this;
  }

  /**
   * Answers one request frame from `peer`; throws MalformedRequestError for a frame that is not one.
   * An op that fails unexpectedly (a bug, the store failing) is the server's fault, not the caller's:
   * it is logged with the room and op, and answered `internal` without the details; the connection
   * stays, so a client resending its pending requests on reconnect cannot loop on it.
   */
  handle(room: Room, peer: Peer, json: string): void {
    const envelope = parseEnvelope(json);
    let answer: Answer;
    try {
      answer = this.answer(room, peer, envelope);
      // What the op stored is in the store before anyone hears of it, as with every update.
      room.flushServerWrites();
    } catch (err) {
      peer.requestFailed(err, envelope.op);
      answer = refusal('internal', `The server failed to ${envelope.op}; the error is logged. Try again later.`);
    }
    peer.send(encodeRoomMessage({ id: envelope.id, ...answer }));
  }

  private answer(room: Room, peer: Peer, envelope: RequestEnvelope): Answer {
    const op = this.ops.get(envelope.op);
    if (!op) return refusal('unknown-op', `No op "${envelope.op}" in this room.`);
    if (!op.roles.includes(peer.role)) return refusal('forbidden', `A ${peer.role} link may not ${envelope.op}.`);
    const seat = peer.seat ? room.seats.resolve(peer.seat.id) : undefined;
    if (!seat) return refusal('no-seat', 'This connection holds no seat; reconnect.');
    const args = op.args.safeParse(envelope.args ?? {});
    if (!args.success) return refusal('invalid-args', z.prettifyError(args.error));
    try {
      return { ok: true, result: op.run({ peer, seat, room }, args.data) ?? null };
    } catch (err) {
      if (err instanceof RequestError) return refusal(err.code, err.message);
      throw err;
    }
  }
}

type Refusal = { ok: false; error: { code: string; message: string } };
type Answer = { ok: true; result: unknown } | Refusal;

function refusal(code: string, message: string): Refusal {
  return { ok: false, error: { code, message } };
}

function parseEnvelope(json: string): RequestEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MalformedRequestError('room request is not JSON');
  }
  const parsed = requestEnvelopeSchema.safeParse(value);
  if (!parsed.success) throw new MalformedRequestError(`room request is not {id, op, args}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

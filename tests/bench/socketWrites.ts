import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import timers from 'node:timers';

/**
 * Counts, inside a server under test (the probe loads it into every server alike), how many
 * separate writes each accepted socket gets per event-loop turn: issue 11's "at most one frame per
 * client per turn". A write is one `socket.write` outside a cork, or one cork…uncork batch (ws
 * sends a frame's header and payload that way, and our server a turn's frames). Only sockets a
 * server accepted count, so a shared-mode instance's PostgreSQL and Redis connections do not.
 *
 * A turn runs from the start of one check phase (where `setImmediate` callbacks run) to the start
 * of the next, so a server that writes from its own `setImmediate` (ours) and one that writes as
 * each message arrives (the peers) are counted over the same span. The check phase's start is a
 * marker immediate kept first in every check phase: it is queued before anything else asks for an
 * immediate (the global `setImmediate` is wrapped) or writes, and it runs before the immediates
 * queued after it. Where a turn starts is a choice (libuv's loop pass starts at its timers): a
 * server that writes as a message arrives and again from an immediate of the same pass is counted
 * as one write in each of two turns, and one that writes from an immediate and again as the next
 * message arrives, as two in one. Ours writes client sockets only from its end-of-turn immediate,
 * the peers as messages arrive, so for each the count is of whole loop passes.
 */
export type SocketWriteTally = {
  /** (socket, turn) pairs with at least one write. */
  socketTurns: number;
  writes: number;
  /** (socket, turn) pairs with more than one write. */
  socketTurnsWithMore: number;
  /** The most writes one socket got in one turn. */
  maxInOneTurn: number;
};

type SocketState = { pending: boolean; turn: number; inTurn: number };

const states = new WeakMap<net.Socket, SocketState>();
let turn = 0;
let nextTurnQueued = false;
let tally: SocketWriteTally = empty();

function empty(): SocketWriteTally {
  return { socketTurns: 0, writes: 0, socketTurnsWithMore: 0, maxInOneTurn: 0 };
}

function startNextTurn(): void {
  turn++;
  nextTurnQueued = false;
}

function accepted(socket: net.Socket): boolean {
  // Node sets `server` (and the older `_server`) on the sockets a net.Server accepts.
  const s = socket as net.Socket & { server?: unknown; _server?: unknown };
  return s.server != null || s._server != null;
}

function stateOf(socket: net.Socket): SocketState {
  let state = states.get(socket);
  if (!state) {
    state = { pending: false, turn: -1, inTurn: 0 };
    states.set(socket, state);
  }
  return state;
}

const queueImmediate = setImmediate;

function queueNextTurn(): void {
  if (nextTurnQueued) return;
  nextTurnQueued = true;
  queueImmediate(startNextTurn);
}

function countWrite(state: SocketState): void {
  queueNextTurn();
  if (state.turn !== turn) {
    state.turn = turn;
    state.inTurn = 0;
    tally.socketTurns++;
  }
  state.inTurn++;
  tally.writes++;
  if (state.inTurn === 2) tally.socketTurnsWithMore++;
  if (state.inTurn > tally.maxInOneTurn) tally.maxInOneTurn = state.inTurn;
}

/** Wraps net.Socket's write and uncork, and setImmediate, once, for the life of the process (before the server's code loads). */
export function countSocketWrites(): void {
  const proto = net.Socket.prototype as net.Socket & { __okrCounted?: boolean };
  if (proto.__okrCounted) return;
  proto.__okrCounted = true;
  const wrapped = Object.assign(
    function setImmediate(...args: Parameters<typeof queueImmediate>) {
      queueNextTurn();
      return queueImmediate(...args);
    },
    { __promisify__: queueImmediate.__promisify__ },
  ) as typeof queueImmediate;
  globalThis.setImmediate = wrapped;
  timers.setImmediate = wrapped;
  syncBuiltinESMExports();
  const write = proto.write;
  const uncork = proto.uncork;
  proto.write = function (this: net.Socket, ...args: unknown[]) {
    if (accepted(this)) {
      const state = stateOf(this);
      if (this.writableCorked > 0) state.pending = true;
      else countWrite(state);
    }
    return (write as (...a: unknown[]) => boolean).apply(this, args);
  } as typeof proto.write;
  proto.uncork = function (this: net.Socket) {
    uncork.call(this);
    const state = states.get(this);
    if (state?.pending && this.writableCorked === 0) {
      state.pending = false;
      countWrite(state);
    }
  };
}

/** The counts since the last reset; `reset` starts a new window. */
export function socketWrites(reset: boolean): SocketWriteTally {
  const now = tally;
  if (reset) tally = empty();
  return now;
}

import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { decodePresenceMessage, encodePresenceMessage } from '../../bus/busMessage.ts';
import type { RedisBus } from '../../bus/redisBus.ts';
import { decodePresence, showPresence } from '../presence.ts';
import type { Room } from '../room.ts';
import { TokenBucket } from '../tokenBucket.ts';
import { InstanceLiveness } from './instanceLiveness.ts';

/** Every instance says it is alive this often, once (not per room: an idle room sends nothing). */
const HEARTBEAT_MS = 1_000;
/** Silent this long, an instance is dead and its people vanish (within the 5 s, with a sweep per heartbeat). */
const DEAD_AFTER_MS = 3_000;

/** Origin of presence applied from the bus: shown here, never sent back out. */
export const REMOTE_PRESENCE = Symbol('presence from another instance');

/** What presence needs of the bus (RedisBus; a recording fake in unit tests). */
export type PresenceBus = Pick<RedisBus, 'channel' | 'publish' | 'subscribe' | 'unsubscribe'>;

type RoomPresence = {
  room: Room;
  /** The presence ids other instances own, and which. */
  remote: Map<number, string>;
  /** This instance's people whose change the room has not broadcast yet (held by their connection's budget). */
  own: Set<number>;
  /** This instance's people whose newest state the bus has not carried yet. */
  due: Set<number>;
  /** The room's bus bytes: a second's worth at once, then `busBytesPerSecond`; on credit, so one message of many states goes whole. */
  budget: TokenBucket;
  scheduled: boolean;
  /** Set while the room is past its bus budget: `due` waits for the refill, gathering newer states. */
  held: NodeJS.Timeout | undefined;
  stopWatching: () => void;
};

/**
 * Presence across instances. Each instance publishes its own people's changes per room, as its
 * local clients see them (after each connection's PresenceBudget), merged per event-loop turn and
 * within a per-room bus budget, and applies everyone else's; a room opening on an instance asks
 * the others for theirs. Heartbeats are per instance; when one falls silent, the people it carried
 * are removed everywhere.
 *
 * Why a bus budget: a participant holding many connections to a room stays within each one's
 * budget yet multiplies the room's presence, and every other instance rebroadcasts what it
 * receives to all its clients (remote ids have no local budget). Only each id's newest state
 * matters, so a room past its budget loses nothing: its ids wait, and the refill carries their
 * newest states in one message. Each room has its own bucket, so a flood delays only its room.
 */
export class SharedPresence {
  private readonly rooms = new Map<string, RoomPresence>();
  private readonly liveness = new InstanceLiveness(DEAD_AFTER_MS);
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly bus: PresenceBus,
    private readonly log: Logger,
    private readonly instanceId: string,
    /** Presence bytes each room may publish to the bus per second from this instance (PRESENCE_BUS_BYTES_PER_SECOND). */
    private readonly busBytesPerSecond: number,
  ) {
    const heartbeats = bus.channel('instances', 'heartbeat');
    void bus.subscribe(heartbeats, (message) => this.heard(message.toString()));
    this.timer = setInterval(() => {
      bus.publish(heartbeats, Buffer.from(instanceId));
      for (const instance of this.liveness.dead(Date.now())) this.forget(instance);
    }, HEARTBEAT_MS);
    this.timer.unref();
  }

  attach(room: Room): void {
    const entry: RoomPresence = {
      room,
      remote: new Map(),
      own: new Set(),
      due: new Set(),
      budget: new TokenBucket({ capacity: this.busBytesPerSecond, refill: this.busBytesPerSecond, everyMs: 1_000, charging: 'onCredit' }),
      scheduled: false,
      held: undefined,
      stopWatching: () => {},
    };
    const onUpdate = (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      if (origin === REMOTE_PRESENCE) return;
      for (const id of [...change.added, ...change.updated, ...change.removed]) if (!entry.remote.has(id)) entry.own.add(id);
    };
    const stopSent = room.onPresenceSent((ids) => {
      for (const id of ids) if (entry.own.delete(id)) entry.due.add(id);
      this.schedule(entry);
    });
    room.awareness.on('update', onUpdate);
    entry.stopWatching = () => {
      room.awareness.off('update', onUpdate);
      stopSent();
      clearTimeout(entry.held);
    };
    this.rooms.set(room.id, entry);
    void this.bus.subscribe(this.channel(room.id), (message) => this.receive(entry, message)).then(() => {
      this.bus.publish(this.channel(room.id), encodePresenceMessage({ instance: this.instanceId, kind: 'query' }));
    });
  }

  detach(roomId: string): void {
    const entry = this.rooms.get(roomId);
    if (!entry) return;
    entry.stopWatching();
    this.rooms.delete(roomId);
    this.bus.unsubscribe(this.channel(roomId));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private channel(roomId: string): string {
    return this.bus.channel('presence', roomId);
  }

  /** Publishes the room's due states at the end of this turn, unless they are already waiting for the budget. */
  private schedule(entry: RoomPresence): void {
    if (entry.due.size === 0 || entry.scheduled || entry.held) return;
    entry.scheduled = true;
    setImmediate(() => this.publishDue(entry));
  }

  private publishDue(entry: RoomPresence): void {
    entry.scheduled = false;
    entry.held = undefined;
    if (this.rooms.get(entry.room.id) !== entry) return;
    const ids = [...entry.due].filter((id) => entry.room.awareness.meta.has(id));
    if (ids.length === 0) return entry.due.clear();
    const update = awarenessProtocol.encodeAwarenessUpdate(entry.room.awareness, ids);
    const message = encodePresenceMessage({ instance: this.instanceId, kind: 'states', update });
    const wait = entry.budget.take(message.length);
    if (wait > 0) {
      // Encoded again when the budget refills, with whatever is newest then.
      entry.held = setTimeout(() => this.publishDue(entry), wait);
      entry.held.unref();
      return;
    }
    entry.due.clear();
    this.bus.publish(this.channel(entry.room.id), message);
  }

  private receive(entry: RoomPresence, bytes: Buffer): void {
    try {
      const message = decodePresenceMessage(bytes);
      if (message.instance === this.instanceId) return;
      this.heard(message.instance);
      if (message.kind === 'query') {
        // Answered within the room's budget, like any change: many queries in a turn cost one answer.
        for (const id of entry.room.awareness.getStates().keys()) if (!entry.remote.has(id)) entry.due.add(id);
        return this.schedule(entry);
      }
      // Parsed once and written into awareness as parsed (y-protocols' applyAwarenessUpdate would parse every state again).
      const entries = decodePresence(message.update);
      for (const { clientId, state } of entries) {
        if (state === null) entry.remote.delete(clientId);
        else entry.remote.set(clientId, message.instance);
      }
      showPresence(entry.room.awareness, entries, REMOTE_PRESENCE);
    } catch (err) {
      this.log.warn({ err: (err as Error).message, room: entry.room.id }, 'undecodable presence message ignored');
    }
  }

  /** A heartbeat (or any message): an instance heard for the first time, or again after it was declared dead, is asked for its people. */
  private heard(instance: string): void {
    if (instance === this.instanceId || !this.liveness.heard(instance, Date.now())) return;
    for (const roomId of this.rooms.keys()) this.bus.publish(this.channel(roomId), encodePresenceMessage({ instance: this.instanceId, kind: 'query' }));
  }

  /** A dead instance's people leave every room here. */
  private forget(instance: string): void {
    for (const entry of this.rooms.values()) {
      const ids = [...entry.remote].filter(([, owner]) => owner === instance).map(([id]) => id);
      for (const id of ids) entry.remote.delete(id);
      if (ids.length > 0) awarenessProtocol.removeAwarenessStates(entry.room.awareness, ids, REMOTE_PRESENCE);
    }
    this.log.info({ instance }, 'instance silent: its people left every room here');
  }
}

import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from 'pino';
import { decodePresenceMessage, encodePresenceMessage } from '../../bus/busMessage.ts';
import type { RedisBus } from '../../bus/redisBus.ts';
import { decodePresence } from '../presence.ts';
import type { Room } from '../room.ts';
import { InstanceLiveness } from './instanceLiveness.ts';

/** Every instance says it is alive this often, once (not per room: an idle room sends nothing). */
const HEARTBEAT_MS = 1_000;
/** Silent this long, an instance is dead and its people vanish (within the 5 s, with a sweep per heartbeat). */
const DEAD_AFTER_MS = 3_000;

/** Origin of presence applied from the bus: shown here, never sent back out. */
export const REMOTE_PRESENCE = Symbol('presence from another instance');

type RoomPresence = {
  room: Room;
  /** The presence ids other instances own, and which. */
  remote: Map<number, string>;
  changed: Set<number>;
  scheduled: boolean;
  onUpdate: (change: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;
};

/**
 * Presence across instances. Each instance publishes its own people's changes per room, merged
 * per event-loop turn, and applies everyone else's; a room opening on an instance asks the others
 * for theirs. Heartbeats are per instance; when one falls silent, the people it carried are
 * removed everywhere.
 */
export class SharedPresence {
  private readonly rooms = new Map<string, RoomPresence>();
  private readonly liveness = new InstanceLiveness(DEAD_AFTER_MS);
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly bus: RedisBus,
    private readonly log: Logger,
    private readonly instanceId: string,
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
    const entry: RoomPresence = { room, remote: new Map(), changed: new Set(), scheduled: false, onUpdate: () => {} };
    entry.onUpdate = (change, origin) => {
      if (origin === REMOTE_PRESENCE) return;
      for (const id of [...change.added, ...change.updated, ...change.removed]) if (!entry.remote.has(id)) entry.changed.add(id);
      if (entry.changed.size === 0 || entry.scheduled) return;
      entry.scheduled = true;
      setImmediate(() => this.publishChanges(entry));
    };
    room.awareness.on('update', entry.onUpdate);
    this.rooms.set(room.id, entry);
    void this.bus.subscribe(this.channel(room.id), (message) => this.receive(entry, message)).then(() => {
      this.bus.publish(this.channel(room.id), encodePresenceMessage({ instance: this.instanceId, kind: 'query' }));
    });
  }

  detach(roomId: string): void {
    const entry = this.rooms.get(roomId);
    if (!entry) return;
    entry.room.awareness.off('update', entry.onUpdate);
    this.rooms.delete(roomId);
    this.bus.unsubscribe(this.channel(roomId));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private channel(roomId: string): string {
    return this.bus.channel('presence', roomId);
  }

  private publishChanges(entry: RoomPresence): void {
    entry.scheduled = false;
    const ids = [...entry.changed].filter((id) => entry.room.awareness.meta.has(id));
    entry.changed.clear();
    if (ids.length > 0 && this.rooms.get(entry.room.id) === entry) this.publishStates(entry, ids);
  }

  private publishStates(entry: RoomPresence, ids: number[]): void {
    const update = awarenessProtocol.encodeAwarenessUpdate(entry.room.awareness, ids);
    this.bus.publish(this.channel(entry.room.id), encodePresenceMessage({ instance: this.instanceId, kind: 'states', update }));
  }

  private receive(entry: RoomPresence, bytes: Buffer): void {
    try {
      const message = decodePresenceMessage(bytes);
      if (message.instance === this.instanceId) return;
      this.heard(message.instance);
      if (message.kind === 'query') {
        const own = [...entry.room.awareness.getStates().keys()].filter((id) => !entry.remote.has(id));
        if (own.length > 0) this.publishStates(entry, own);
        return;
      }
      for (const { clientId, state } of decodePresence(message.update)) {
        if (state === null) entry.remote.delete(clientId);
        else entry.remote.set(clientId, message.instance);
      }
      awarenessProtocol.applyAwarenessUpdate(entry.room.awareness, message.update, REMOTE_PRESENCE);
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

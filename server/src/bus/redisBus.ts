import { Redis } from 'ioredis';
import type { Logger } from 'pino';

export type BusHandler = (message: Buffer) => void;

/** The longest a publish waits for a commit in flight (`holdFor`): presence and heartbeats must not stall behind a slow PostgreSQL. */
const HOLD_MAX_MS = 20;

/** How long a subscription may take before the room opens without it (the head check still catches it up). */
const SUBSCRIBE_TIMEOUT_MS = 1_000;

/**
 * Redis pub/sub between instances: one channel per room. What crosses it is only ever a copy of
 * what PostgreSQL already committed (or presence), so a lost message costs speed, not data: the
 * periodic head check repairs it. Publishing never queues while Redis is down (it fails at once);
 * the subscriber reconnects and resubscribes by itself.
 */
export class RedisBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly handlers = new Map<string, BusHandler>();
  /** This turn's publishes, by channel, in order (see `flush`). */
  private outbox: [string, Buffer][] = [];
  /** Commits in flight (`holdFor`): while there are any, publishes gather for the write that carries their rows. */
  private holds = 0;
  private flushScheduled = false;
  private holdTimer: NodeJS.Timeout | undefined;

  constructor(url: string, private readonly log: Logger, private readonly prefix = 'okr') {
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(times * 100, 1_000) } as const;
    this.pub = new Redis(url, { ...options, lazyConnect: true });
    // The subscriber keeps its offline queue: a subscription asked for while Redis is away is made when it is back.
    this.sub = new Redis(url, { ...options, enableOfflineQueue: true, lazyConnect: true });
    for (const [name, client] of [['publisher', this.pub], ['subscriber', this.sub]] as const) {
      client.on('error', (err: Error) => log.warn({ err: err.message, client: name }, 'redis connection problem'));
    }
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.handlers.get(channel.toString())?.(message));
  }

  async start(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
  }

  channel(kind: string, id: string): string {
    return `${this.prefix}:${kind}:${id}`;
  }

  /** Listens on `channel`; resolves once Redis confirmed, or after a second without it (logged). */
  async subscribe(channel: string, handler: BusHandler): Promise<void> {
    this.handlers.set(channel, handler);
    const confirmed = this.sub.subscribe(channel).then(() => true);
    const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), SUBSCRIBE_TIMEOUT_MS).unref());
    const ok = await Promise.race([confirmed.catch(() => false), late]);
    if (!ok) this.log.warn({ channel }, 'redis subscription not confirmed; relying on the head check until it is');
  }

  unsubscribe(channel: string): void {
    this.handlers.delete(channel);
    this.sub.unsubscribe(channel).catch(() => {});
  }

  /**
   * Fire and forget: a publish that fails is logged at debug level and repaired by the receivers'
   * head check. What a turn publishes leaves together, at its end, as one pipelined write, in order.
   */
  publish(channel: string, message: Buffer): void {
    this.outbox.push([channel, message]);
    if (this.holds === 0) this.scheduleFlush();
    else this.holdTimer ??= setTimeout(this.scheduleFlush, HOLD_MAX_MS);
  }

  /**
   * Holds what is published while `commit` runs (at most HOLD_MAX_MS), to leave in the write that
   * publishes the commit's rows. Presence went out every turn, each in its own write, and about
   * three turns in four published presence alone: held, a room's presence and rows of one commit
   * cycle cross as one write and one read on the other instance (one turn of socket writes there
   * instead of two). A presence change waits at most for the commit in flight (a round trip).
   */
  async holdFor<T>(commit: Promise<T>): Promise<T> {
    this.holds++;
    try {
      return await commit;
    } finally {
      // The commit's own rows were published by now (its callers' handlers ran first): the flush takes them too.
      if (--this.holds === 0 && this.outbox.length > 0) this.scheduleFlush();
    }
  }

  private readonly scheduleFlush = (): void => {
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(this.flush);
  };

  /**
   * One write for a turn's publishes instead of one each: every write to a local socket is a system
   * call that also runs the receiver's side of loopback TCP and wakes Redis, which cost 14–16 % of an
   * instance's busy time in scenario 1 (presence and committed rows, each in its own write).
   * Redis then answers the subscribers of a pipeline's messages in one write each, so the other
   * instances read them together too.
   */
  private readonly flush = (): void => {
    this.flushScheduled = false;
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    if (this.outbox.length === 0) return;
    const due = this.outbox;
    this.outbox = [];
    const pipeline = this.pub.pipeline();
    for (const [channel, message] of due) pipeline.publish(channel, message);
    pipeline.exec().then(
      (results) => {
        const failed = results?.find(([err]) => err)?.[0];
        if (failed) this.log.debug({ err: failed.message, messages: due.length }, 'publish failed');
      },
      (err: Error) => this.log.debug({ err: err.message, messages: due.length }, 'publish failed'),
    );
  };

  /** Stores `value` under `key` for `ttlMs` (shared mode's websocket tickets). Throws when Redis is unreachable. */
  async putExpiring(key: string, value: string, ttlMs: number): Promise<void> {
    await this.pub.set(`${this.prefix}:${key}`, value, 'PX', ttlMs);
  }

  /** Reads and deletes `key` in one step (GETDEL): a value can be taken once, by one instance. */
  async take(key: string): Promise<string | null> {
    return this.pub.getdel(`${this.prefix}:${key}`);
  }

  /**
   * Adds one to the counter `key` and returns its new value; the counter expires `ttlMs` after its
   * last increment (per-address limits across instances). Rejects when Redis does not answer
   * within `timeoutMs`, so a caller never waits on a frozen Redis.
   */
  async increment(key: string, ttlMs: number, timeoutMs: number): Promise<number> {
    const counted = this.pub
      .multi()
      .incr(`${this.prefix}:${key}`)
      .pexpire(`${this.prefix}:${key}`, ttlMs)
      .exec()
      .then((results) => {
        const [err, value] = results?.[0] ?? [new Error('transaction discarded'), null];
        if (err) throw err;
        return Number(value);
      });
    return withTimeout(counted, timeoutMs);
  }

  /** A counter's value (0 when there is none), with the same timeout as `increment`. */
  async counter(key: string, timeoutMs: number): Promise<number> {
    return withTimeout(this.pub.get(`${this.prefix}:${key}`).then((value) => Number(value ?? 0)), timeoutMs);
  }

  /** Whether Redis answers a PING within `timeoutMs` (GET /readyz). */
  async ping(timeoutMs: number): Promise<boolean> {
    const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    return Promise.race([this.pub.ping().then((r) => r === 'PONG', () => false), late]);
  }

  async close(): Promise<void> {
    // A drain's last commits published just now: written before the connection ends.
    if (this.outbox.length > 0) this.flush();
    this.pub.disconnect();
    this.sub.disconnect();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisBus } from '../../../server/src/bus/redisBus.ts';
import { createLogger } from '../../../server/src/logger.ts';
import { startRedis, type RedisServer } from '../../helpers/engines.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one instance's bus publishes, as another instance receives it: in order, and when. */
describe('the Redis bus: publishes of a turn, and those held for a commit', () => {
  let redis: RedisServer;
  let sender: RedisBus;
  let receiver: RedisBus;
  const received: { channel: string; text: string; at: number }[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    sender = new RedisBus(redis.url, createLogger('silent'), 'test');
    receiver = new RedisBus(redis.url, createLogger('silent'), 'test');
    await Promise.all([sender.start(), receiver.start()]);
    for (const channel of ['rows', 'presence']) {
      await receiver.subscribe(receiver.channel(channel, 'r'), (message) => received.push({ channel, text: message.toString(), at: performance.now() }));
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([sender?.close(), receiver?.close()]);
    await redis?.stop();
  });

  const until = async (count: number) => {
    for (let waited = 0; received.length < count && waited < 5_000; waited += 10) await sleep(10);
    expect(received.length).toBe(count);
  };

  it('delivers a turn’s publishes in the order they were made, across channels', async () => {
    received.length = 0;
    for (let i = 0; i < 20; i++) sender.publish(sender.channel(i % 3 === 0 ? 'presence' : 'rows', 'r'), Buffer.from(`m${i}`));
    await until(20);
    expect(received.map((m) => m.text)).toEqual(Array.from({ length: 20 }, (_, i) => `m${i}`));
  });

  it('holds presence published during a commit for the write of its rows, and lets it go when the commit fails', async () => {
    received.length = 0;
    let finish!: () => void;
    const commit = sender.holdFor(
      new Promise<void>((resolve) => (finish = resolve)).then(() => sender.publish(sender.channel('rows', 'r'), Buffer.from('row 1'))),
    );
    sender.publish(sender.channel('presence', 'r'), Buffer.from('cursor'));
    await sleep(5);
    expect(received).toEqual([]);
    finish();
    await commit;
    await until(2);
    expect(received.map((m) => m.text)).toEqual(['cursor', 'row 1']);

    received.length = 0;
    const failed = sender.holdFor(Promise.reject(new Error('commit failed')));
    sender.publish(sender.channel('presence', 'r'), Buffer.from('after the failure'));
    await expect(failed).rejects.toThrow('commit failed');
    await until(1);
    expect(received.map((m) => m.text)).toEqual(['after the failure']);
  });

  it('lets held presence go without the commit when the commit is slow', async () => {
    received.length = 0;
    let finish!: () => void;
    const slow = sender.holdFor(new Promise<void>((resolve) => (finish = resolve)));
    sender.publish(sender.channel('presence', 'r'), Buffer.from('cursor'));
    // A commit that takes a second: the presence does not wait for it (HOLD_MAX_MS).
    await until(1);
    expect(received.map((m) => m.text)).toEqual(['cursor']);
    finish();
    await slow;
  });
});

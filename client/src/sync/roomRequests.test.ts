import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { MESSAGE_REQUEST } from '@okr/shared/protocol';
import { MAX_REQUEST_SENDS, RoomRequestError, RoomRequests } from './roomRequests.ts';

type Status = 'connected' | 'disconnected' | 'connecting';

/** The part of a y-websocket provider RoomRequests uses, with a socket that records what it sends. */
class FakeProvider {
  readonly messageHandlers: ((encoder: encoding.Encoder, decoder: decoding.Decoder) => void)[] = [];
  readonly sent: { id: number; op: string }[] = [];
  wsconnected = false;
  ws: { send: (frame: Uint8Array) => void } | null = null;
  private readonly statusListeners = new Set<(event: { status: Status }) => void>();

  on(_name: 'status', listener: (event: { status: Status }) => void): void {
    this.statusListeners.add(listener);
  }
  off(_name: 'status', listener: (event: { status: Status }) => void): void {
    this.statusListeners.delete(listener);
  }
  connect(): void {
    this.wsconnected = true;
    this.ws = {
      send: (frame) => {
        const decoder = decoding.createDecoder(frame);
        expect(decoding.readVarUint(decoder)).toBe(MESSAGE_REQUEST);
        this.sent.push(JSON.parse(decoding.readVarString(decoder)) as { id: number; op: string });
      },
    };
    this.emit('connected');
  }
  drop(): void {
    this.wsconnected = false;
    this.ws = null;
    this.emit('disconnected');
    this.emit('connecting');
  }
  answer(body: unknown): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, JSON.stringify(body));
    this.messageHandlers[MESSAGE_REQUEST]!(encoding.createEncoder(), decoding.createDecoder(encoding.toUint8Array(encoder)));
  }
  private emit(status: Status): void {
    for (const listener of this.statusListeners) listener({ status });
  }
}

function open(): { provider: FakeProvider; requests: RoomRequests } {
  const provider = new FakeProvider();
  return { provider, requests: new RoomRequests(provider as unknown as WebsocketProvider) };
}

/** Whether `promise` has settled, and how, after the microtasks queued so far. */
async function settled(promise: Promise<unknown>): Promise<'pending' | { ok: unknown } | { err: unknown }> {
  const outcome = promise.then(
    (ok) => ({ ok }),
    (err: unknown) => ({ err }),
  );
  return Promise.race([outcome, new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 0))]);
}

describe('the room request queue', () => {
  it('sends a request made offline once connected, and again after a drop, then resolves with the answer', async () => {
    const { provider, requests } = open();
    const pending = requests.request('mySeat');
    expect(provider.sent).toEqual([]);
    provider.connect();
    provider.drop();
    provider.connect();
    expect(provider.sent.map((m) => m.op)).toEqual(['mySeat', 'mySeat']);
    provider.answer({ id: provider.sent[0]!.id, ok: true, result: { id: 's1', name: 'Ana' } });
    expect(await settled(pending)).toEqual({ ok: { id: 's1', name: 'Ana' } });
    provider.drop();
    provider.connect();
    expect(provider.sent).toHaveLength(2);
  });

  it.each([
    ['a refusal', 'forbidden', true],
    ['a failure inside the server', 'internal', false],
  ])('never sends again a request answered with %s', async (_name, code, worthRepeating) => {
    const { provider, requests } = open();
    provider.connect();
    const pending = requests.request('castBallot', { dots: {} });
    provider.answer({ id: provider.sent[0]!.id, ok: false, error: { code, message: 'No.' } });
    const outcome = await settled(pending);
    expect(outcome).toEqual({ err: expect.any(RoomRequestError) });
    const err = (outcome as { err: RoomRequestError }).err;
    expect([err.code, err.message, err.worthRepeating]).toEqual([code, 'No.', worthRepeating]);
    for (let i = 0; i < 5; i++) {
      provider.drop();
      provider.connect();
    }
    expect(provider.sent).toHaveLength(1);
  });

  it(`gives a request up, with a message, once ${MAX_REQUEST_SENDS} connections it was sent on dropped without answering`, async () => {
    const { provider, requests } = open();
    const pending = requests.request('offerCards', { step: 'draft', cards: [] });
    for (let i = 0; i < MAX_REQUEST_SENDS; i++) {
      provider.connect();
      expect(await settled(pending)).toBe('pending');
      provider.drop();
    }
    const outcome = await settled(pending);
    expect(outcome).toEqual({ err: expect.any(RoomRequestError) });
    const err = (outcome as { err: RoomRequestError }).err;
    expect(err.code).toBe('no-answer');
    expect(err.message).toMatch(/did not answer "offerCards".*3 times/);
    expect(err.worthRepeating).toBe(false);
    // A reconnect storm sends it no more.
    for (let i = 0; i < 20; i++) {
      provider.connect();
      provider.drop();
    }
    expect(provider.sent).toHaveLength(MAX_REQUEST_SENDS);
  });

  it('counts only connections a request was sent on: a long time offline gives nothing up', async () => {
    const { provider, requests } = open();
    const pending = requests.request('mySeat');
    for (let i = 0; i < 10; i++) provider.drop();
    provider.connect();
    provider.answer({ id: provider.sent[0]!.id, ok: true, result: null });
    expect(await settled(pending)).toEqual({ ok: null });
  });
});

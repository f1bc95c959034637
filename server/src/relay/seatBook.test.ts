import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PrivateDoc } from '@okr/shared/doc';
import { SeatBook, SeatError } from './seatBook.ts';

const SECRET_A = 'device-a-secret-0000000000001';
const SECRET_B = 'device-b-secret-0000000000001';

function book() {
  const doc = new PrivateDoc(new Y.Doc());
  return { doc, seats: new SeatBook(() => doc, () => 1_000) };
}

describe('SeatBook.claim', () => {
  const cases: [string, (s: SeatBook) => [string, string], boolean][] = [
    ['the same secret twice: one seat', (s) => [s.claim(SECRET_A).id, s.claim(SECRET_A).id], true],
    ['two secrets: two seats', (s) => [s.claim(SECRET_A).id, s.claim(SECRET_B).id], false],
    ['no secret twice: two seats', (s) => [s.claim(undefined).id, s.claim(undefined).id], false],
    ['a malformed secret is no secret', (s) => [s.claim('short').id, s.claim('short').id], false],
  ];
  it.each(cases)('%s', (_name, claimTwice, same) => {
    const [a, b] = claimTwice(book().seats);
    expect(a === b).toBe(same);
  });

  it('stores seats claimed by a secret, and a secretless one only once kept', () => {
    const { doc, seats } = book();
    const stored = seats.claim(SECRET_A);
    const passing = seats.claim(undefined);
    expect(doc.activeSeats().map((s) => s.id)).toEqual([stored.id]);
    seats.keep(passing.id);
    expect(doc.activeSeats().map((s) => s.id).sort()).toEqual([stored.id, passing.id].sort());
  });

  it('forgets a secretless seat that was never kept', () => {
    const { seats } = book();
    const passing = seats.claim(undefined);
    seats.forget(passing.id);
    expect(seats.resolve(passing.id)).toBeUndefined();
  });
});

describe('SeatBook: new secrets past the room’s budget', () => {
  function budgeted(allowed: number) {
    const doc = new PrivateDoc(new Y.Doc());
    let left = allowed;
    return { doc, seats: new SeatBook(() => doc, () => 1_000, () => left-- > 0) };
  }

  it('stores new secrets while the budget lasts, then holds their seats in memory, found again by their secret', () => {
    const { doc, seats } = budgeted(1);
    const first = seats.claim(SECRET_A);
    const second = seats.claim(SECRET_B);
    expect(doc.activeSeats().map((s) => s.id)).toEqual([first.id]);
    expect(seats.claim(SECRET_B).id).toBe(second.id);
    expect(seats.resolve(second.id)?.id).toBe(second.id);
  });

  it('stores a seat held in memory once kept (the budget refilled), with its secret, so the secret claims it after a restart', () => {
    const doc = new PrivateDoc(new Y.Doc());
    let asked = 0;
    const seats = new SeatBook(() => doc, () => 1_000, () => asked++ > 0);
    const seat = seats.claim(SECRET_A);
    expect(doc.activeSeats()).toEqual([]);
    seats.keep(seat.id);
    expect(doc.activeSeats().map((s) => s.id)).toEqual([seat.id]);
    expect(new SeatBook(() => doc, () => 1_000, () => false).claim(SECRET_A).id).toBe(seat.id);
  });

  it('refuses to store a participant’s seat past its address’s budget (too-many-seats), not a facilitator’s', () => {
    const doc = new PrivateDoc(new Y.Doc());
    const seats = new SeatBook(() => doc, () => 1_000, (address) => address !== '203.0.113.9');
    const flooder = seats.claim(undefined, '203.0.113.9');
    expect(() => seats.keep(flooder.id)).toThrow(expect.objectContaining({ code: 'too-many-seats' }));
    const neighbour = seats.claim(undefined, '198.51.100.1');
    seats.keep(neighbour.id);
    seats.keep(flooder.id, true);
    expect(doc.activeSeats().map((s) => s.id).sort()).toEqual([flooder.id, neighbour.id].sort());
  });

  it('forgets a seat held in memory when its connections leave: the secret then gets a new one', () => {
    const { doc, seats } = budgeted(0);
    const seat = seats.claim(SECRET_A);
    seats.forget(seat.id);
    expect(seats.resolve(seat.id)).toBeUndefined();
    expect(seats.claim(SECRET_A).id).not.toBe(seat.id);
    expect(doc.activeSeats()).toEqual([]);
  });
});

describe('SeatBook merges and hand-overs', () => {
  it('resolves a merged seat, and its secret, to the seat kept', () => {
    const { seats } = book();
    const laptop = seats.claim(SECRET_A);
    const phone = seats.claim(SECRET_B);
    seats.merge(phone.id, laptop.id);
    expect(seats.resolve(phone.id)?.id).toBe(laptop.id);
    expect(seats.claim(SECRET_B).id).toBe(laptop.id);
    expect(seats.stored().map((s) => s.id)).toEqual([laptop.id]);
  });

  const refusals: [string, (s: SeatBook, id: string) => void, string][] = [
    ['merge into itself', (s, id) => s.merge(id, id), 'same-seat'],
    ['merge an unknown seat', (s, id) => s.merge('nobody', id), 'unknown-seat'],
    ['rename an unknown seat', (s) => s.rename('nobody', 'x'), 'unknown-seat'],
    ['hand over an unknown seat', (s) => s.handOver('nobody', SECRET_B), 'unknown-seat'],
  ];
  it.each(refusals)('refuses to %s', (_name, act, code) => {
    const { seats } = book();
    const seat = seats.claim(SECRET_A);
    expect(() => act(seats, seat.id)).toThrow(SeatError);
    try {
      act(seats, seat.id);
    } catch (err) {
      expect((err as SeatError).code).toBe(code);
    }
  });

  it('lets a handed-over secret claim the seat', () => {
    const { seats } = book();
    const seat = seats.claim(SECRET_A);
    seats.handOver(seat.id, SECRET_B);
    expect(seats.claim(SECRET_B).id).toBe(seat.id);
    expect(seats.claim(SECRET_A).id).toBe(seat.id);
  });
});

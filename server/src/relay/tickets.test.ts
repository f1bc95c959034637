import { describe, expect, it } from 'vitest';
import { TICKET_TTL_MS, TicketBook } from './tickets.ts';

const grant = { roomId: 'room', role: 'facilitator' as const, stillValid: () => true };

describe('TicketBook', () => {
  it('redeems a ticket once', () => {
    const book = new TicketBook();
    const ticket = book.issue(grant);
    expect(book.redeem(ticket)).toMatchObject({ roomId: 'room', role: 'facilitator' });
    expect(book.redeem(ticket)).toBeUndefined();
  });

  it('refuses a ticket past its lifetime and forgets expired ones', () => {
    let now = 1_000;
    const book = new TicketBook(() => now);
    const ticket = book.issue(grant);
    now += TICKET_TTL_MS;
    expect(book.redeem(ticket)).toBeUndefined();
    book.issue(grant);
    now += TICKET_TTL_MS;
    book.issue(grant);
    expect(book.size()).toBe(1);
  });

  it('knows no ticket it did not issue', () => {
    expect(new TicketBook().redeem('x'.repeat(24))).toBeUndefined();
  });
});

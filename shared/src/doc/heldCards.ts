import type * as Y from 'yjs';
import { z } from 'zod/mini';
import { PRIVATE_WRITING_STEPS, recordIdSchema, type PrivateWritingStep } from '../schema/index.ts';
import { MAX_CARD_TEXT, publishedBytes, type HeldCard } from './anonymousCards.ts';

/** Enough for any silent-writing round; more from one writer in one step is refused. */
export const MAX_HELD_PER_WRITER = 50;

const heldEntrySchema = z.object({
  /** The seat that wrote it: only that seat replaces or withdraws it. Never published. */
  writer: z.string().check(z.maxLength(64)),
  step: z.enum(PRIVATE_WRITING_STEPS),
  text: z.string().check(z.maxLength(MAX_CARD_TEXT)),
  /** Set once writing is open for its step: the card goes out with the next batch, not at a reveal. */
  due: z.boolean(),
});
type HeldEntry = z.infer<typeof heldEntrySchema>;

/** Cards offered for publication; each keeps the id its writer's device gave it. */
export type OfferedCard = { id: string; text: string };

/** A refusal the writer can act on (an id someone else holds, too many cards, a full board). */
export class HeldCardError extends Error {
  override name = 'HeldCardError';
  constructor(
    readonly code: 'id-taken' | 'too-many' | 'invalid-card' | 'board-full' | 'not-anonymous',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Cards written on an anonymous board that the server keeps until it publishes them: drafts until
 * the reveal of their step, and cards written while writing is open until the next batch. They
 * live in the room's server-private document (stored like every document, never synced), so a
 * reload, a crash or a restart loses none and no participant or viewer can read them.
 */
export class HeldCards {
  private readonly map: Y.Map<unknown>;

  constructor(
    readonly ydoc: Y.Doc,
    private readonly origin: unknown,
  ) {
    this.map = ydoc.getMap('heldCards');
  }

  /**
   * Makes `cards` everything `writer` holds for `step`: new ones are added, changed ones replaced,
   * missing ones withdrawn. Cards of a step whose writing is open (`due`) go out with the next
   * batch instead and cannot be withdrawn any more. Throws HeldCardError and changes nothing when
   * an id belongs to another writer or the set is too big.
   */
  offer(writer: string, step: PrivateWritingStep, cards: readonly OfferedCard[], due: boolean): void {
    if (cards.length > MAX_HELD_PER_WRITER) throw new HeldCardError('too-many', `At most ${MAX_HELD_PER_WRITER} cards per person in one step.`);
    for (const card of cards) {
      if (!recordIdSchema.safeParse(card.id).success || card.text.length > MAX_CARD_TEXT) throw new HeldCardError('invalid-card', `Card ${JSON.stringify(card.id)} is not a card id with at most ${MAX_CARD_TEXT} characters of text.`);
      const other = this.entry(card.id);
      if (other && (other.writer !== writer || other.step !== step)) throw new HeldCardError('id-taken', `Card id ${card.id} is already held for someone else; pick a new one.`);
    }
    const offered = new Set(cards.map((card) => card.id));
    this.ydoc.transact(() => {
      for (const [id, entry] of this.entries()) {
        if (entry.writer === writer && entry.step === step && !entry.due && !offered.has(id)) this.map.delete(id);
      }
      for (const card of cards) {
        const current = this.entry(card.id);
        const next: HeldEntry = { writer, step, text: card.text, due: due || (current?.due ?? false) };
        if (!current || current.text !== next.text || current.due !== next.due) this.map.set(card.id, next);
      }
    }, this.origin);
  }

  /**
   * About how many bytes publishing everything held adds to the board (`publishedBytes`), now
   * and, with `offer`, once `writer` has offered `cards` for `step` (their earlier drafts for it
   * withdrawn, cards already due kept). `{ now: 0, after: 100 }` for one tiny card on an empty desk.
   */
  publishingBytes(offer: { writer: string; step: PrivateWritingStep; cards: readonly OfferedCard[] }): { now: number; after: number } {
    const { writer, step, cards } = offer;
    const offered = new Set(cards.map((card) => card.id));
    let now = 0;
    let after = 0;
    for (const [id, entry] of this.entries()) {
      const bytes = publishedBytes({ id, text: entry.text });
      now += bytes;
      if (!offered.has(id) && (entry.due || entry.writer !== writer || entry.step !== step)) after += bytes;
    }
    for (const card of cards) after += publishedBytes(card);
    return { now, after };
  }

  /** Marks every card held for `step` due: its writing is open now (a reveal, or private writing turned off). */
  releaseStep(step: PrivateWritingStep): void {
    this.ydoc.transact(() => {
      for (const [id, entry] of this.entries()) if (entry.step === step && !entry.due) this.map.set(id, { ...entry, due: true });
    }, this.origin);
  }

  /** Cards ready to publish, without their writers. */
  due(): HeldCard[] {
    return this.entries()
      .filter(([, entry]) => entry.due)
      .map(([id, entry]) => ({ id, step: entry.step, text: entry.text }));
  }

  /** Cards still held for a reveal of `step`. */
  heldFor(step: PrivateWritingStep): number {
    return this.entries().filter(([, entry]) => entry.step === step && !entry.due).length;
  }

  /** The ids `writer` has offered and that are not published yet. */
  idsOf(writer: string): string[] {
    return this.entries()
      .filter(([, entry]) => entry.writer === writer)
      .map(([id]) => id);
  }

  /** Forgets published cards; call in the same turn as the board write, so both are stored together. */
  remove(ids: readonly string[]): void {
    if (ids.length === 0) return;
    this.ydoc.transact(() => {
      for (const id of ids) this.map.delete(id);
    }, this.origin);
  }

  /** A merged seat's cards become the seat it was merged into. */
  moveWriter(from: string, into: string): void {
    this.ydoc.transact(() => {
      for (const [id, entry] of this.entries()) if (entry.writer === from) this.map.set(id, { ...entry, writer: into });
    }, this.origin);
  }

  private entry(id: string): HeldEntry | undefined {
    const parsed = heldEntrySchema.safeParse(this.map.get(id));
    return parsed.success ? parsed.data : undefined;
  }

  private entries(): [string, HeldEntry][] {
    const out: [string, HeldEntry][] = [];
    this.map.forEach((value, id) => {
      const parsed = heldEntrySchema.safeParse(value);
      if (parsed.success) out.push([id, parsed.data]);
    });
    return out;
  }
}

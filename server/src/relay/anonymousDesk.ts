import { randomInt } from 'node:crypto';
import type * as Y from 'yjs';
import { HeldCardError, HeldCards, ORIGIN, publishAnonymousCards, type BoardDoc, type OfferedCard } from '@okr/shared/doc';
import { PRIVATE_WRITING_STEPS, type ControlState, type PrivateWritingStep } from '@okr/shared/schema';
import { isPrivateWriting } from '@okr/shared/workshop';

/** What the desk needs of its room: the live documents (RelayDoc may rebuild them) and a way to write the board as the server. */
export type DeskRoom = {
  /** Typed reads of the live board (the room keeps one, rebuilt when RelayDoc rebuilds its Y.Doc). */
  boardView(): BoardDoc;
  privateDoc(): Y.Doc;
  /** Runs `fn` in one board transaction under SERVER_CLIENT_ID, stored and broadcast like any accepted update. */
  writeBoardAsServer(fn: () => void): void;
  controlState(): ControlState;
};

export type DeskOptions = {
  /** Cards written while writing is open wait a random time in this range, so their timing names nobody. */
  batchDelayMs: { min: number; max: number };
  /** Uniform in [0, 1); cryptographic by default, so a watcher cannot predict the shuffle. */
  random?: () => number;
};

export const DEFAULT_BATCH_DELAY_MS = { min: 1_000, max: 5_000 };

// randomInt takes at most 2^48 - 1: 2^47 steps are plenty for a shuffle and a delay.
const cryptoRandom = () => randomInt(2 ** 47) / 2 ** 47;

/**
 * Anonymity for a room (issue 14): on an anonymous board, people hand their cards to the server,
 * which keeps them in the private document and publishes them under its own client id, shuffled.
 * Drafts go out all at once when their step's writing opens (a reveal); cards written while it is
 * open go out in batches after a random delay. Cards handed over stay anonymous even if the
 * facilitator turns anonymity off before they are published.
 */
export class AnonymousDesk {
  private timer: NodeJS.Timeout | undefined;
  private heldView: HeldCards | undefined;
  private readonly random: () => number;

  constructor(
    private readonly room: DeskRoom,
    private readonly options: DeskOptions = { batchDelayMs: DEFAULT_BATCH_DELAY_MS },
  ) {
    this.random = options.random ?? cryptoRandom;
  }

  /**
   * Takes `writer`'s cards for `step` (all of them: what is missing is withdrawn). Held until the
   * reveal while the step's writing is private; otherwise published with the next batch. Returns
   * which. Throws HeldCardError for cards it cannot take, `board-full` when publishing everything
   * held would add more than `headroom` bytes to the board and this offer adds to it (so a writer
   * can always withdraw): the server writes what it is handed, so a participant's offers meet
   * MAX_DOC_BYTES as their own updates do. On a board that is not anonymous only cards the writer
   * handed over while it was (edits to them) are taken, `not-anonymous` otherwise: a new card
   * published under the server's id would be untraceable on a board whose facilitator chose signed cards.
   */
  offer(writer: string, step: PrivateWritingStep, cards: readonly OfferedCard[], headroom = Infinity): { held: boolean } {
    if (!this.room.controlState().anonymous) {
      const handedOver = new Set(this.held().idsOf(writer));
      if (cards.some((card) => !handedOver.has(card.id))) {
        throw new HeldCardError('not-anonymous', 'This board is not anonymous: your cards are published from your device, signed.');
      }
    }
    const bytes = this.held().publishingBytes({ writer, step, cards });
    if (bytes.after > headroom && bytes.after > bytes.now) {
      throw new HeldCardError('board-full', 'The board is full: delete some cards (or ask the facilitator to) before adding more.');
    }
    const held = isPrivateWriting(this.room.controlState(), step);
    this.held().offer(writer, step, cards, !held);
    if (!held) this.scheduleBatch();
    return { held };
  }

  /** The ids `writer` has handed over that are not on the board yet. */
  pendingOf(writer: string): string[] {
    return this.held().idsOf(writer);
  }

  /** A merged seat's cards count as the seat it was merged into. */
  moveWriter(from: string, into: string): void {
    this.held().moveWriter(from, into);
  }

  /**
   * Call after the control document changed, and once when the room loads: every step whose
   * writing is open (revealed) publishes what was held for it, at once and in one transaction.
   * Cards already due (a crash before their batch) go out now too.
   */
  followControl(): void {
    const state = this.room.controlState();
    const opened = PRIVATE_WRITING_STEPS.filter((step) => !isPrivateWriting(state, step) && this.held().heldFor(step) > 0);
    for (const step of opened) this.held().releaseStep(step);
    if (opened.length > 0 || this.held().due().length > 0) this.publishDue();
  }

  /** Publishes every due card now, in one shuffled transaction, and forgets them. */
  publishDue(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const cards = this.held().due();
    if (cards.length === 0) return;
    this.room.writeBoardAsServer(() => publishAnonymousCards(this.room.boardView(), cards, this.random, ORIGIN.anonymous));
    // Skipped ones (already on the board, blank) are done with too.
    this.held().remove(cards.map((card) => card.id));
  }

  /** Publishes what is due before the room unloads, rather than leaving it for the next visit. */
  close(): void {
    this.publishDue();
    this.stop();
  }

  /** Stops the batch timer without publishing (shared mode drops a room whose commit failed; what is held stays held). */
  stop(): void {
    clearTimeout(this.timer);
  }

  private scheduleBatch(): void {
    if (this.timer) return;
    const { min, max } = this.options.batchDelayMs;
    this.timer = setTimeout(() => this.publishDue(), min + this.random() * (max - min));
    this.timer.unref();
  }

  private held(): HeldCards {
    const doc = this.room.privateDoc();
    if (this.heldView?.ydoc !== doc) this.heldView = new HeldCards(doc, ORIGIN.anonymous);
    return this.heldView;
  }
}

import type { BoardDoc, CanvasCollection } from '@okr/shared/doc';
import type { Candidate } from '@okr/shared/schema';
import type { LayoutCard } from '@okr/shared/workshop';

/** A card as a sticky note: what a note draws and what it writes back. Built by the note from its own card (NoteMakers). */
export type CanvasNote = {
  collection: CanvasCollection;
  id: string;
  text: string;
  /** What its colour means, in words (kind, author or card type), printed on the note: colour is never the only cue. */
  tag: string;
  /** One of the canvas palette's tones (see canvas.css), 0 to 7. */
  tone: number;
  clusterId?: string;
  canDelete: boolean;
  /** Set on candidate objectives, which "Merge into…" folds together. */
  candidate?: Candidate;
};

/** Which card a note is. */
export type NoteRef = { collection: CanvasCollection; id: string };

/** A card as the canvas lays it out: which card, and what the layout reads (place, cluster, lane). */
export type NotePlace = NoteRef & LayoutCard;

/** A record of one of the canvas collections, as the board reads it. */
export type RecordOf<C extends CanvasCollection> = ReturnType<BoardDoc[C]['list']>[number];

/**
 * How a step turns its cards into notes, per collection. Each note builds itself from its own card
 * with these, so a remote edit of one card re-renders that note and nothing above it; a new set of
 * makers (anonymity, who may delete) rebuilds every note.
 */
export type NoteMakers = { [C in CanvasCollection]?: (record: RecordOf<C>) => CanvasNote };

export type LegendEntry = { tone: number; label: string };

export const TONES = 8;

/** A stable tone per author id, so a person's notes share a colour on every screen. */
export function toneOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return hash % TONES;
}

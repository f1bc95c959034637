import type { CanvasCollection } from '@okr/shared/doc';
import type { Candidate, CanvasPos } from '@okr/shared/schema';

/** A card as a sticky note: what the canvas draws and what it writes back. */
export type CanvasNote = {
  collection: CanvasCollection;
  id: string;
  text: string;
  /** What its colour means, in words (kind, author or card type), printed on the note: colour is never the only cue. */
  tag: string;
  /** One of the canvas palette's tones (see canvas.css), 0 to 7. */
  tone: number;
  pos?: CanvasPos;
  clusterId?: string;
  /** Orders the tidy layout of notes nobody placed (a context card's kind). */
  lane?: number;
  canDelete: boolean;
  /** Set on candidate objectives, which "Merge into…" folds together. */
  candidate?: Candidate;
};

export type LegendEntry = { tone: number; label: string };

export const TONES = 8;

/** A stable tone per author id, so a person's notes share a colour on every screen. */
export function toneOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return hash % TONES;
}

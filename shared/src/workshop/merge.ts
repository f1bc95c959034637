import type { Candidate } from '../schema/index.ts';

type Author = NonNullable<Candidate['mergedAuthors']>[number];
type Authored = Pick<Candidate, 'authorId' | 'authorName' | 'mergedAuthors'>;

/**
 * Every author of a card, its own first, then those of the cards merged into it; each person once
 * (by id, else by name).
 * @example cardAuthors({ authorId: 'a', authorName: 'Ana', mergedAuthors: [{ id: 'b', name: 'Ben' }] }) // → [Ana, Ben]
 */
export function cardAuthors(card: Authored): Author[] {
  const own: Author[] = card.authorName ? [{ ...(card.authorId ? { id: card.authorId } : {}), name: card.authorName }] : [];
  const out: Author[] = [];
  const seen = new Set<string>();
  for (const author of [...own, ...(card.mergedAuthors ?? [])]) {
    const key = author.id ? `id:${author.id}` : `name:${author.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(author);
  }
  return out;
}

/** The authors `keep` carries after `duplicate` is merged into it, besides its own author. */
export function mergedAuthorsOf(keep: Authored, duplicate: Authored): Author[] {
  const own = keep.authorName ? cardAuthors({ authorId: keep.authorId, authorName: keep.authorName }) : [];
  const all = cardAuthors({ ...keep, mergedAuthors: [...(keep.mergedAuthors ?? []), ...cardAuthors(duplicate)] });
  return all.slice(own.length);
}

/**
 * The wording a merge suggests, for the person merging to edit: one text when both say the same,
 * otherwise both, so nothing is lost unless they choose to.
 */
export function suggestedMergeText(keepText: string, duplicateText: string): string {
  const same = keepText.trim().toLowerCase() === duplicateText.trim().toLowerCase();
  return same ? keepText : `${keepText} / ${duplicateText}`.slice(0, 500);
}

/**
 * The card "Merge into…" offers first: another card of the same group (the first one), else the
 * first card of the board.
 */
export function defaultMergeTarget<T extends { id: string; clusterId?: string }>(card: T, options: readonly T[]): T | undefined {
  const grouped = card.clusterId ? options.find((o) => o.id !== card.id && o.clusterId === card.clusterId) : undefined;
  return grouped ?? options.find((o) => o.id !== card.id);
}

/** Cards shown together: a group of two or more, or a card on its own. */
export type CandidateUnit<T> = { key: string; cards: T[] };

/**
 * The board's candidates as the Draft step shows them: cards sharing a `clusterId` side by side,
 * each group where its first card is, everything else on its own. A cluster left with one card
 * (the others merged away or moved) shows as a single card.
 * @example groupCandidates([{ id: 'a', clusterId: 'a' }, { id: 'b' }, { id: 'c', clusterId: 'a' }])
 *   // → [{ key: 'a', cards: [a, c] }, { key: 'b', cards: [b] }]
 */
export function groupCandidates<T extends { id: string; clusterId?: string }>(candidates: readonly T[]): CandidateUnit<T>[] {
  const units: CandidateUnit<T>[] = [];
  const byCluster = new Map<string, CandidateUnit<T>>();
  for (const card of candidates) {
    if (!card.clusterId) {
      units.push({ key: card.id, cards: [card] });
      continue;
    }
    const existing = byCluster.get(card.clusterId);
    if (existing) existing.cards.push(card);
    else {
      const unit = { key: `cluster:${card.clusterId}`, cards: [card] };
      byCluster.set(card.clusterId, unit);
      units.push(unit);
    }
  }
  return units.map((unit) => (unit.cards.length === 1 ? { key: unit.cards[0]!.id, cards: unit.cards } : unit));
}

/** Whether two cards are in the same group of two or more. */
export function sameGroup(a: { clusterId?: string }, b: { clusterId?: string }): boolean {
  return a.clusterId !== undefined && a.clusterId === b.clusterId;
}

import type { Candidate, Cluster } from '../schema/index.ts';

/**
 * One entry on the Pick ballot: a candidate card on its own, or a named cluster from the Draft
 * canvas voted on as one candidate (`notes` are its cards, in board order; null for a card). A card
 * of a group without a cluster record keeps the group's id in `clusterId`, so Pick can still show
 * the group together while each card takes its own dots.
 */
export type BallotCandidate = { id: string; text: string; notes: readonly Candidate[] | null; clusterId?: string };

/** What a cluster is called on the ballot when nobody named it. */
export const UNNAMED_CLUSTER = 'Unnamed cluster';

/**
 * The ballot: each named cluster on the Draft canvas that still holds a card, where its first card
 * is, and every other card on its own. Discarded cards are off the ballot, so a cluster of only
 * discarded cards is too. A card grouped before the canvas (its `clusterId` names no cluster record)
 * stands alone: nobody named that group, so the room never saw it as one candidate.
 * @example ballotCandidates([{ id: 'a', clusterId: 'k', … }, { id: 'b', … }], [{ id: 'k', name: 'Speed', step: 'draft', … }])
 *   // → [{ id: 'k', text: 'Speed', notes: [a] }, { id: 'b', text: b.text, notes: null }]
 */
export function ballotCandidates(candidates: readonly Candidate[], clusters: readonly Cluster[]): BallotCandidate[] {
  const draftClusters = new Map(clusters.filter((cluster) => cluster.step === 'draft').map((cluster) => [cluster.id, cluster]));
  const entries: BallotCandidate[] = [];
  const byCluster = new Map<string, Candidate[]>();
  for (const card of candidates) {
    if (card.discarded) continue;
    const cluster = card.clusterId === undefined ? undefined : draftClusters.get(card.clusterId);
    if (!cluster) {
      entries.push({ id: card.id, text: card.text, notes: null, ...(card.clusterId ? { clusterId: card.clusterId } : {}) });
      continue;
    }
    const notes = byCluster.get(cluster.id);
    if (notes) notes.push(card);
    else {
      const first = [card];
      byCluster.set(cluster.id, first);
      entries.push({ id: cluster.id, text: cluster.name.trim() || UNNAMED_CLUSTER, notes: first });
    }
  }
  return entries;
}

/** The ids a ballot may put dots on: the server checks every ballot against these. */
export function ballotIds(entries: readonly BallotCandidate[]): Set<string> {
  return new Set(entries.map((entry) => entry.id));
}

import type { Cluster, CanvasStep } from '@okr/shared/schema';

/** How a list view names a cluster of cards, e.g. `clusterLabel('Mobile', 3)` is "Cluster: Mobile (3)". */
export function clusterLabel(name: string | undefined, size: number): string {
  return name ? `Cluster: ${name} (${size})` : `Group of ${size}`;
}

export type ClusterGroup<T> = { id: string; label: string; cards: T[] };

/**
 * The list view's grouping of one step's cards by their canvas cluster: each cluster of `step` that
 * holds cards, in the clusters' order, and the cards in none (or in a cluster since removed) as `loose`,
 * in their own order.
 */
export function groupByCluster<T extends { clusterId?: string | undefined }>(cards: readonly T[], clusters: readonly Cluster[], step: CanvasStep): { groups: ClusterGroup<T>[]; loose: T[] } {
  const members = new Map<string, T[]>(clusters.filter((c) => c.step === step).map((c) => [c.id, []]));
  const loose: T[] = [];
  for (const card of cards) {
    const group = card.clusterId ? members.get(card.clusterId) : undefined;
    if (group) group.push(card);
    else loose.push(card);
  }
  const groups = clusters
    .filter((c) => c.step === step && members.get(c.id)!.length > 0)
    .map((c) => ({ id: c.id, label: clusterLabel(c.name, members.get(c.id)!.length), cards: members.get(c.id)! }));
  return { groups, loose };
}

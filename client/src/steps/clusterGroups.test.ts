import { describe, expect, it } from 'vitest';
import type { Cluster } from '@okr/shared/schema';
import { clusterLabel, groupByCluster } from './clusterGroups.ts';

const cluster = (id: string, step: Cluster['step'], name: string): Cluster => ({ id, step, name, pos: { x: 0, y: 0 }, order: 0 });
const CLUSTERS = [cluster('k1', 'context', 'Numbers'), cluster('k2', 'context', ''), cluster('k3', 'brainstorm', 'Mobile'), cluster('k4', 'context', 'Empty')];

describe('clusterLabel', () => {
  it.each([
    ['Mobile', 3, 'Cluster: Mobile (3)'],
    ['', 2, 'Group of 2'],
    [undefined, 1, 'Group of 1'],
  ])('%s of %i reads %s', (name, size, label) => expect(clusterLabel(name, size)).toBe(label));
});

describe('groupByCluster', () => {
  it.each([
    { case: 'no clusters: all loose', cards: [{ id: 'a' }, { id: 'b' }], groups: [], loose: ['a', 'b'] },
    {
      case: 'members in cluster order, the rest loose in their order',
      cards: [{ id: 'a', clusterId: 'k2' }, { id: 'b' }, { id: 'c', clusterId: 'k1' }, { id: 'd', clusterId: 'k2' }],
      groups: [['Cluster: Numbers (1)', 'c'], ['Group of 2', 'a', 'd']],
      loose: ['b'],
    },
    { case: 'another step’s cluster does not group here', cards: [{ id: 'a', clusterId: 'k3' }], groups: [], loose: ['a'] },
    { case: 'a removed cluster leaves its cards loose', cards: [{ id: 'a', clusterId: 'gone' }], groups: [], loose: ['a'] },
  ])('$case', ({ cards, groups, loose }) => {
    const result = groupByCluster(cards, CLUSTERS, 'context');
    expect(result.groups.map((g) => [g.label, ...g.cards.map((c) => c.id)])).toEqual(groups);
    expect(result.loose.map((c) => c.id)).toEqual(loose);
  });
});

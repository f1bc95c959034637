import type { BoardDoc, ControlDoc } from '@okr/shared/doc';
import { openBoardClient, openControlClient, eventually, relayHandled } from './clients.ts';
import { createRoom, type CreatedRoom } from './server.ts';

/**
 * The content a real workshop leaves on a board, as issue 10 counts it: 8 context cards, 10
 * candidate objectives in 3 groups, 6 parked items, 5 fully refined key results (with findings the
 * review raises), 3 initiatives, THE objective confirmed with its tally and rationale, and notes.
 * The projector must show every step of it whole.
 */
export function seedRealisticBoard(board: BoardDoc, control: ControlDoc): void {
  board.updateWorkshop({ title: 'Checkout team OKRs', team: 'Checkout', cycleLabel: 'Q3 2026', cycleStart: '2026-07-01', cycleEnd: '2026-09-30' });
  const context: [Parameters<BoardDoc['addContextItem']>[0]['kind'], string][] = [
    ['mission', 'Make buying online feel effortless for everyone, on every device'],
    ['company-objective', 'Grow repeat revenue by 20% this year'],
    ['product-vision', 'One tap to pay for anything you have bought before'],
    ['product-strategy', 'Win repeat buyers in the EU before expanding to new markets'],
    ['pre-work', 'Interviews: returning customers re-type their address every single time'],
    ['metric', 'Checkout conversion is 58% on web and 41% on mobile'],
    ['metric', 'Cart abandonment is 70%, highest at the payment step'],
    ['constraint', 'The payment provider switch freezes the payment page until August'],
  ];
  const contextIds = context.map(([kind, text]) => board.addContextItem({ kind, text }));

  const groups: string[][] = [
    ['Checkout feels effortless for returning customers', 'Returning customers pay in one tap', 'Nobody re-types an address twice'],
    ['Mobile app reaches parity with web', 'Mobile checkout is as fast as desktop', 'Mobile customers stop abandoning carts'],
    ['Launch a loyalty programme', 'Reward customers who come back', 'Make repeat buyers feel known'],
  ];
  const authors = ['Ana Lima', 'Ben Okafor', 'Chloé Martin', 'Dan Weiss'];
  let author = 0;
  const clusterHeads = groups.map((texts) => {
    const head = board.addCandidate({ text: texts[0]!, authorName: authors[author++ % authors.length] });
    for (const text of texts.slice(1)) board.groupCandidate(board.addCandidate({ text, authorName: authors[author++ % authors.length] }), head);
    return head;
  });
  const loner = board.addCandidate({ text: 'Refresh the brand before the holiday season', authorName: 'Dan Weiss' });

  // Park: the two other groups' first cards and the loner are parked (their group-mates discarded),
  // three more things are added to the parking lot directly.
  const others: [string, string, string | undefined][] = [
    [clusterHeads[1]!, 'Depends on the platform team’s Q4 release', 'Ben Okafor'],
    [clusterHeads[2]!, 'Needs the CRM migration first', 'Chloé Martin'],
    [loner, 'Marketing owns it this quarter', undefined],
  ];
  for (const [candidateId, reason, ownerName] of others) board.parkCandidate(candidateId, { reason, ...(ownerName ? { ownerName } : {}), revisitDate: '2026-10-01' });
  for (const candidate of board.candidates.list()) {
    if (candidate.clusterId && candidate.clusterId !== clusterHeads[0] && !clusterHeads.includes(candidate.id)) board.setDiscarded(candidate.id, true);
  }
  const added: [string, string, string | undefined][] = [
    ['Automate refunds for damaged parcels', 'After the payment provider switch', 'Dan Weiss'],
    ['Guest checkout without an account', 'Legal review of data retention pending', 'Ana Lima'],
    ['Show delivery dates before payment', 'Logistics API not ready until October', undefined],
  ];
  for (const [text, reason, ownerName] of added) board.addParkedItem({ text, reason, ...(ownerName ? { ownerName } : {}), revisitDate: '2026-10-01' });

  const keyResults = [
    { title: 'Checkout conversion rate from 58% to 65% by 30 Sep', metricName: 'Checkout conversion rate', unit: '%', baseline: 58, target: 65, ownerName: 'Ana Lima', leadLag: 'lagging' as const },
    { title: 'Cart abandonment from 70% to 60% by 30 Sep', metricName: 'Cart abandonment', unit: '%', direction: 'decrease' as const, baseline: 70, target: 60, ownerName: 'Ben Okafor', leadLag: 'leading' as const },
    { title: 'Returning customers paying with a saved card from 20% to 50%', metricName: 'Saved-card payments', unit: '%', baseline: 20, target: 50, ownerName: 'Chloé Martin', leadLag: 'leading' as const },
    { title: 'Median time to pay from 95 s to 40 s', metricName: 'Median time to pay', unit: 's', direction: 'decrease' as const, baseline: 95, target: 40, ownerName: 'Dan Weiss', leadLag: 'leading' as const },
    // Numbers that contradict its title: the review raises findings the room should see.
    { title: 'Repeat purchase rate grows to 35%', metricName: 'Repeat purchase rate', unit: '%', baseline: 40, target: 35, ownerName: 'Ana Lima', leadLag: 'lagging' as const },
  ];
  const krIds = keyResults.map((kr, i) =>
    board.addKeyResult({
      type: 'metric',
      direction: 'increase',
      deadline: '2026-09-30',
      ownerEmail: ['ana', 'ben', 'chloe', 'dan', 'ana'][i]! + '@example.com',
      confidence: [0.6, 0.7, 0.5, 0.8, 0.4][i]!,
      ...kr,
    }),
  );
  board.addInitiative({ title: 'Remember addresses and cards for returning customers', ownerName: 'Ana Lima', keyResultIds: [krIds[0]!, krIds[2]!] });
  board.addInitiative({ title: 'Cart reminder emails after one hour', ownerName: 'Ben Okafor', keyResultIds: [krIds[1]!] });
  board.addInitiative({ title: 'Cut the payment page to one screen', ownerName: 'Dan Weiss', keyResultIds: [krIds[3]!] });

  const head = board.candidates.list().find((c) => c.id === clusterHeads[0])!;
  control.set({
    reveals: { draft: 1, brainstorm: 1 },
    privateWriting: { draft: false, brainstorm: false },
    objective: {
      candidateId: head.id,
      title: head.text,
      description: 'Returning customers pay in seconds, on any device.',
      commitment: 'committed',
      contextIds: contextIds.slice(0, 3),
      tally: [
        { candidateId: clusterHeads[0]!, text: groups[0]![0]!, votes: 9 },
        { candidateId: clusterHeads[1]!, text: groups[1]![0]!, votes: 5 },
        { candidateId: clusterHeads[2]!, text: groups[2]![0]!, votes: 3 },
        { candidateId: loner, text: 'Refresh the brand before the holiday season', votes: 1 },
      ],
      rationale: 'Biggest lever on repeat revenue; mobile waits for the platform team.',
      decidedAt: '2026-07-03T09:30:00.000Z',
    },
    notes: { pick: 'Mobile lost on timing, not on value: revisit in October.', refine: 'Ana checks the saved-card baseline with finance.' },
  });
}

/**
 * A new room on `httpUrl` holding the realistic board, seeded by stock clients (the facilitator's key
 * on the control document); `room` seeds one already created instead (to see it empty first).
 */
export async function createRealisticRoom(httpUrl: string, wsUrl: string, existing?: CreatedRoom): Promise<CreatedRoom> {
  const room = existing ?? (await createRoom(httpUrl, 'Checkout team OKRs'));
  // The facilitator's key: a kept confidence is the facilitator's to set (issue 14).
  const seed = openBoardClient(wsUrl, room.roomId, { key: room.facilitatorKey });
  const control = openControlClient(wsUrl, room.roomId, { key: room.facilitatorKey });
  try {
    await Promise.all([seed.synced, control.synced]);
    seedRealisticBoard(seed.board, control.control);
    // The server has it once a fresh client sees it.
    const check = openBoardClient(wsUrl, room.roomId);
    await check.synced;
    await eventually(() => check.board.keyResults.list().length === 5 && check.board.parked.list().length === 6, 'the seeded board reaches the server');
    check.destroy();
    // The control document (THE objective, the notes) goes over its own connection.
    await relayHandled(control.provider);
  } finally {
    seed.destroy();
    control.destroy();
  }
  return room;
}

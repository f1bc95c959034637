import { afterAll, describe, expect, it } from 'vitest';
import { docFromUpdates, PrivateDoc } from '@okr/shared/doc';
import { newRecordId } from '@okr/shared/schema';
import { RoomStore } from '../../../server/src/store/roomStore.ts';
import { eventually, openBoardClient, openControlClient, whenSynced, type ControlClient, type TestClient } from '../../helpers/clients.ts';
import { openRequester, type Requester, refusalCode } from '../../helpers/requester.ts';
import { createRoom, killHard, spawnServer, stopServer, tempDataDir, type CreatedRoom, type ServerProcess } from '../../helpers/server.ts';
import { useServerWithRoom } from '../../helpers/useServerWithRoom.ts';

const fixture = useServerWithRoom();

const SECRETS = { ana: 'ana-laptop-secret-00000000001', bo: 'bo-laptop-secret-000000000001', mal: 'mal-laptop-secret-00000000001' };
type Person = keyof typeof SECRETS;


/** The code and reason of the next close the server gives this client. */
function closeOf(client: TestClient): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => client.provider.once('connection-close', (event) => resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })));
}

type Workshop = {
  facilitator: Requester;
  control: ControlClient;
  board: TestClient;
  people: Record<Person, Requester>;
  candidates: string[];
  roundId: string;
};

/** A room with three candidates, Ana, Bo and Mal seated and named, and a round open: 3 dots each, at most 2 on a card. */
async function openRound(wsUrl: string, room: CreatedRoom, track: (fn: () => void) => void): Promise<Workshop> {
  const facilitator = openRequester(wsUrl, room.roomId, { key: room.facilitatorKey });
  const control = openControlClient(wsUrl, room.roomId, { key: room.facilitatorKey });
  const board = openBoardClient(wsUrl, room.roomId, { key: room.facilitatorKey });
  const people = Object.fromEntries((Object.keys(SECRETS) as Person[]).map((p) => [p, openRequester(wsUrl, room.roomId, { seat: SECRETS[p] })])) as Record<Person, Requester>;
  for (const client of [facilitator, control, board, ...Object.values(people)]) track(client.destroy);
  await Promise.all([facilitator.synced, control.synced, board.synced, ...Object.values(people).map((p) => p.synced)]);
  for (const p of Object.keys(people) as Person[]) await people[p].requests.request('nameMySeat', { name: p[0]!.toUpperCase() + p.slice(1) });
  const candidates = ['Delight first-time users', 'Halve support tickets', "Mal's pet objective"].map((text) => board.board.addCandidate({ text }));
  const roundId = newRecordId();
  control.control.setVoting({ roundId, status: 'open', dotsPerPerson: 3, capPerItem: 2 });
  await eventually(() => control.control.state().votingCount?.roundId === roundId, 'the server counts the open round');
  return { facilitator, control, board, people, candidates, roundId };
}

describe('votes the server counts', () => {
  it('keeps ballots within the rules, secret until close, and writes the honest tally into the control document', async () => {
    const w = await openRound(fixture.server.wsUrl, fixture.room, fixture.onTearDown);
    const [delight, halve, pet] = w.candidates as [string, string, string];
    const cast = (p: Person, dots: Record<string, number>, extra: object = {}) => w.people[p].requests.request('castBallot', { roundId: w.roundId, dots, ...extra });

    // Honest votes.
    await cast('ana', { [delight]: 2, [halve]: 1 });
    await cast('bo', { [halve]: 2 });

    // Over the budget, over the cap, on a card that does not exist, in an old round: refused, the connection stays.
    expect(await refusalCode(cast('mal', { [pet]: 2, [halve]: 2 }))).toBe('no-dots-left');
    expect(await refusalCode(cast('mal', { [pet]: 3 }))).toBe('cap-reached');
    expect(await refusalCode(cast('mal', { [newRecordId()]: 1 }))).toBe('unknown-candidate');
    expect(await refusalCode(w.people.mal.requests.request('castBallot', { roundId: 'old-round', dots: { [pet]: 1 } }))).toBe('round-over');
    // Invented voters: a participant may not vote as anyone but its own seat, and no op takes a voter id.
    expect(await refusalCode(cast('mal', { [pet]: 2 }, { proxyFor: 'Ana' }))).toBe('forbidden');
    expect(await refusalCode(cast('mal', { [pet]: 2 }, { voterId: 'ana' }))).toBe('invalid-args');
    // Mal votes "many times" from one seat: each ballot replaces the last.
    for (let i = 0; i < 6; i++) await cast('mal', { [pet]: 2, [delight]: 1 });
    // Mal on a second, seatless stock connection gets a fresh seat: one more voter, not Ana's or Bo's dots.
    const malAgain = openRequester(fixture.server.wsUrl, fixture.room.roomId);
    fixture.onTearDown(malAgain.destroy);
    await malAgain.requests.request('castBallot', { roundId: w.roundId, dots: { [pet]: 1 } });

    // A facilitator's proxy ballot, recorded as one.
    await w.facilitator.requests.request('castBallot', { roundId: w.roundId, dots: { [halve]: 1 }, proxyFor: 'Kim' });

    // Each seat sees its own ballot, and only its own.
    expect(await w.people.ana.requests.request('myVotes')).toMatchObject({ ballot: { roundId: w.roundId, dots: { [delight]: 2, [halve]: 1 } } });
    expect(await w.people.bo.requests.request('myVotes')).toMatchObject({ ballot: { dots: { [halve]: 2 } } });

    // Before close nothing readable holds a ballot or a tally: the board, the control document, presence.
    // Five voters (Ana, Bo, Mal, Mal's second seat, Kim by proxy); Ana and Mal have placed all their dots.
    await eventually(() => w.control.control.state().votingCount?.total === 5, 'five voters counted');
    const everyoneReads = JSON.stringify([w.board.board.ydoc.toJSON(), w.control.control.ydoc.toJSON(), [...w.board.provider.awareness.getStates().values()]]);
    expect(everyoneReads).not.toMatch(/"dots"|voterId|voterName/);
    expect(w.board.board.ydoc.getMap("ballots").size).toBe(0);
    expect(w.control.control.state().voteResult).toBeNull();
    expect(w.control.control.state().votingCount).toEqual({ roundId: w.roundId, done: 2, total: 5 });
    // The facilitator hears who has not voted, not what anyone voted.
    const progress = await w.facilitator.requests.request<{ notDone: unknown[]; proxies: { name: string }[] }>('votingProgress');
    expect(progress.proxies.map((p) => p.name)).toEqual(['Kim']);

    w.control.control.setVoting({ roundId: w.roundId, status: 'closed', dotsPerPerson: 3, capPerItem: 2 });
    await eventually(() => w.control.control.state().voteResult?.roundId === w.roundId, 'the server writes the tally');
    const result = w.control.control.state().voteResult!;
    const votes = Object.fromEntries(result.tally.map((t) => [t.text, t.votes]));
    expect(votes).toEqual({ 'Delight first-time users': 3, 'Halve support tickets': 4, "Mal's pet objective": 3 });
    expect(result.ballots).toBe(5);
    expect(result.voters?.map((v) => v.name)).toEqual(['Ana', 'Bo', 'Kim', 'Mal', 'Someone']);
    expect(result.voters?.find((v) => v.name === 'Kim')?.proxy).toBe(true);
    // Closed: no more ballots.
    expect(await refusalCode(cast('ana', { [pet]: 1 }))).toBe('voting-not-open');
  });

  it('names nobody in the tally of an anonymous board', async () => {
    const w = await openRound(fixture.server.wsUrl, fixture.room, fixture.onTearDown);
    w.control.control.set({ anonymous: true });
    await w.people.ana.requests.request('castBallot', { roundId: w.roundId, dots: { [w.candidates[0]!]: 1 } });
    w.control.control.setVoting({ roundId: w.roundId, status: 'closed', dotsPerPerson: 3, capPerItem: 2 });
    await eventually(() => w.control.control.state().voteResult?.roundId === w.roundId, 'the tally');
    expect(w.control.control.state().voteResult).toMatchObject({ ballots: 1, voters: null });
  });

  // "Who counts as a voter" (issue 14): every connection used to count in M, stock ones included.
  it('counts in "N of M" the people here, once per seat: not the facilitator, a projector, a second device or a stock reader', async () => {
    const w = await openRound(fixture.server.wsUrl, fixture.room, fixture.onTearDown);
    const { roomId, viewerKey } = fixture.room;
    const room = () => fixture.server.registry.get(roomId)!;
    const progress = () => w.facilitator.requests.request<{ total: number; done: number; notDone: { name: string }[] }>('votingProgress');
    const showing = (client: TestClient, name: string) => client.provider.awareness.setLocalStateField('user', { id: name.toLowerCase(), name, color: '#123456', role: 'participant' });
    expect(await progress()).toMatchObject({ total: 3, done: 0 });

    // Ana's second device (same seat secret) on the board and on the control document; a projector; a stock client that only reads.
    const extra = [
      openBoardClient(fixture.server.wsUrl, roomId, { seat: SECRETS.ana }),
      openControlClient(fixture.server.wsUrl, roomId, { seat: SECRETS.ana }),
      openBoardClient(fixture.server.wsUrl, roomId, { viewerKey }),
      openBoardClient(fixture.server.wsUrl, roomId),
    ];
    for (const client of extra) fixture.onTearDown(client.destroy);
    await Promise.all(extra.map((client) => client.synced));
    showing(extra[0] as TestClient, 'Ana');
    await eventually(() => room().presenceIds().includes((extra[0] as TestClient).provider.doc.clientID), 'Ana’s second device shows');
    expect(await progress()).toMatchObject({ total: 3, done: 0 });

    // A stock client that shows itself on the board is someone, named by its seat (unnamed: "Someone").
    const kim = openBoardClient(fixture.server.wsUrl, roomId);
    fixture.onTearDown(kim.destroy);
    await kim.synced;
    showing(kim, 'Kim');
    await eventually(() => w.control.control.state().votingCount?.total === 4, 'Kim counts once shown');

    await w.people.ana.requests.request('castBallot', { roundId: w.roundId, dots: { [w.candidates[0]!]: 2, [w.candidates[1]!]: 1 } });
    const after = await progress();
    expect(after).toMatchObject({ total: 4, done: 1 });
    expect(after.notDone.map((p) => p.name)).toEqual(['Bo', 'Mal', 'Someone']);
    expect(w.control.control.state().votingCount).toEqual({ roundId: w.roundId, done: 1, total: 4 });

    // The People screen: Ana once, on two devices, voted; the projector and the reader are not listed.
    const seats = await w.facilitator.requests.request<{ name: string; devices: number; voted: boolean | null; role: string | null }[]>('listSeats');
    expect(seats.find((s) => s.name === 'Ana')).toMatchObject({ devices: 2, voted: true, role: 'participant' });
    expect(seats.find((s) => s.name === 'Bo')).toMatchObject({ devices: 1, voted: false });
    // Part of a ballot is not "voted", as in "N of M".
    await w.people.bo.requests.request('castBallot', { roundId: w.roundId, dots: { [w.candidates[1]!]: 1 } });
    const later = await w.facilitator.requests.request<{ name: string; voted: boolean | null }[]>('listSeats');
    expect(later.find((s) => s.name === 'Bo')?.voted).toBe(false);
    expect(seats.filter((s) => s.name === 'Ana')).toHaveLength(1);
    expect(seats.map((s) => s.name).sort()).toEqual(['', 'Ana', 'Bo', 'Mal']);
  });

  it('takes a named Draft cluster as one candidate: dots on the cluster count, dots on its notes or an unknown cluster are refused', async () => {
    const w = await openRound(fixture.server.wsUrl, fixture.room, fixture.onTearDown);
    const [delight, halve, pet] = w.candidates as [string, string, string];
    const cluster = w.board.board.addCluster('draft', 'Happy customers', { x: 0, y: 0 });
    w.board.board.placeNote('candidates', delight, { clusterId: cluster, pos: { x: 10, y: 10 } });
    w.board.board.placeNote('candidates', halve, { clusterId: cluster, pos: { x: 10, y: 120 } });
    const cast = (p: Person, dots: Record<string, number>) => w.people[p].requests.request('castBallot', { roundId: w.roundId, dots });
    // The cluster reaches the server over the board connection, the ballot over another: retry until it has arrived.
    let first = await refusalCode(cast('ana', { [cluster]: 2 }));
    for (let tries = 0; first === 'unknown-candidate' && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 50));
      first = await refusalCode(cast('ana', { [cluster]: 2 }));
    }
    expect(first).toBe('accepted');

    expect(await refusalCode(cast('bo', { [delight]: 1 }))).toBe('unknown-candidate');
    expect(await refusalCode(cast('bo', { [newRecordId()]: 1 }))).toBe('unknown-candidate');
    expect(await refusalCode(cast('bo', { [cluster]: 3 }))).toBe('cap-reached');
    await cast('bo', { [cluster]: 1, [pet]: 2 });

    w.control.control.setVoting({ roundId: w.roundId, status: 'closed', dotsPerPerson: 3, capPerItem: 2 });
    await eventually(() => w.control.control.state().voteResult?.roundId === w.roundId, 'the server writes the tally');
    const tally = w.control.control.state().voteResult!.tally;
    expect(tally.find((t) => t.candidateId === cluster)).toEqual({ candidateId: cluster, text: 'Happy customers', votes: 3 });
    expect(tally.some((t) => t.candidateId === delight || t.candidateId === halve)).toBe(false);
  });

  it('closes a connection that writes ballots or confidence votes into the board, and keeps the board as it was', async () => {
    const w = await openRound(fixture.server.wsUrl, fixture.room, fixture.onTearDown);
    const attacks: [string, (board: TestClient) => void][] = [
      ['six ballots under invented ids', (c) => c.board.ydoc.transact(() => {
        for (let i = 0; i < 6; i++) c.board.ydoc.getMap('ballots').set(`${w.roundId}:fake-${i}`, { roundId: w.roundId, voterId: `fake-${i}`, voterName: 'x', dots: { [w.candidates[2]!]: 2 } });
      })],
      ['eight forged 5/5 confidence votes', (c) => c.board.ydoc.transact(() => {
        for (let i = 0; i < 8; i++) c.board.ydoc.getMap('confidenceVotes').set(`kr:fake-${i}`, { keyResultId: 'kr', voterId: `fake-${i}`, value: 1 });
      })],
    ];
    for (const [name, attack] of attacks) {
      const mal = openBoardClient(fixture.server.wsUrl, fixture.room.roomId);
      fixture.onTearDown(mal.destroy);
      await mal.synced;
      const closed = closeOf(mal);
      attack(mal);
      expect(await closed, name).toMatchObject({ code: 1008, reason: expect.stringMatching(/votes go to the server/) });
      mal.destroy();
    }
    const fresh = openBoardClient(fixture.server.wsUrl, fixture.room.roomId);
    fixture.onTearDown(fresh.destroy);
    await fresh.synced;
    expect(fresh.board.ydoc.getMap('ballots').size).toBe(0);
    expect(fresh.board.ydoc.getMap('confidenceVotes').size).toBe(0);
    expect(fresh.board.candidates.list().map((c) => c.id).sort()).toEqual([...w.candidates].sort());
  });
});

describe('confidence votes the server counts', () => {
  it('keeps one blind vote per seat until the facilitator reveals, and the kept value the facilitator\'s alone', async () => {
    const w = await openRound(fixture.server.wsUrl, fixture.room, fixture.onTearDown);
    const kr = w.board.board.addKeyResult({ title: 'Activation from 40% to 60%' });
    const vote = (p: Person, value: number) => w.people[p].requests.request('castConfidence', { keyResultId: kr, value });
    // The key result reaches the server before anyone votes on it.
    const watcher = openBoardClient(fixture.server.wsUrl, fixture.room.roomId);
    fixture.onTearDown(watcher.destroy);
    await eventually(() => watcher.board.keyResults.has(kr), 'key result on the server');

    await vote('ana', 0.4);
    await vote('bo', 0.6);
    // Eight forged 5/5 votes from one seat count once; a value off the fist-of-five scale is refused.
    for (let i = 0; i < 8; i++) await vote('mal', 1);
    expect(await refusalCode(vote('mal', 0.93))).toBe('invalid-value');
    await eventually(() => w.control.control.state().confidenceCounts[kr] === 3, 'three votes counted');
    expect(JSON.stringify([w.board.board.ydoc.toJSON(), w.control.control.ydoc.toJSON()])).not.toMatch(/0\.4|0\.6/);

    w.control.control.revealConfidence([kr]);
    await eventually(() => w.control.control.state().confidenceResults[kr] !== undefined, 'revealed values');
    expect(w.control.control.state().confidenceResults[kr]).toEqual({ values: [0.4, 0.6, 1], average: 0.66 });
    expect(await refusalCode(vote('ana', 1))).toBe('revealed');

    // The facilitator keeps the value; a participant overwriting it is refused and closed.
    w.board.board.keepConfidence([{ keyResultId: kr, confidence: 0.67 }]);
    const mal = openBoardClient(fixture.server.wsUrl, fixture.room.roomId);
    fixture.onTearDown(mal.destroy);
    await mal.synced;
    await eventually(() => mal.board.keyResults.get(kr)?.confidence === 0.67, 'kept value synced');
    const closed = closeOf(mal);
    mal.board.keyResults.update(kr, { confidence: 0.98 });
    expect(await closed).toMatchObject({ code: 1008 });
    await new Promise((r) => setTimeout(r, 100));
    expect(w.board.board.keyResults.get(kr)?.confidence).toBe(0.67);
  });
});

describe('ballots last', () => {
  const cleanups: (() => unknown)[] = [];
  afterAll(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  function storedBallots(dataDir: string, roomId: string, roundId: string) {
    const store = RoomStore.open(dataDir);
    try {
      return new PrivateDoc(docFromUpdates(store.loadDoc(roomId, 'private').updates)).ballotsFor(roundId).length;
    } finally {
      store.close();
    }
  }

  it('survives a restart and a SIGKILL: the tally at close counts every ballot the server answered', async () => {
    const dataDir = tempDataDir();
    let server: ServerProcess = await spawnServer(dataDir);
    cleanups.push(() => killHard(server));
    const room = await createRoom(server.httpUrl);
    const opened: (() => void)[] = [];
    const w = await openRound(server.wsUrl, room, (fn) => opened.push(fn));
    const [delight, halve] = w.candidates as [string, string];
    await w.people.ana.requests.request('castBallot', { roundId: w.roundId, dots: { [delight]: 2 } });
    opened.splice(0).forEach((fn) => fn());

    // A graceful restart.
    expect(await stopServer(server)).toBe(0);
    expect(storedBallots(dataDir, room.roomId, w.roundId)).toBe(1);
    server = await spawnServer(dataDir);
    const bo = openRequester(server.wsUrl, room.roomId, { seat: SECRETS.bo });
    cleanups.push(bo.destroy);
    await bo.requests.request('castBallot', { roundId: w.roundId, dots: { [halve]: 1 } });

    // SIGKILL right after the answer: the ballot was stored before it was acknowledged.
    await killHard(server);
    expect(storedBallots(dataDir, room.roomId, w.roundId)).toBe(2);
    server = await spawnServer(dataDir);
    const control = openControlClient(server.wsUrl, room.roomId, { key: room.facilitatorKey });
    cleanups.push(control.destroy);
    await whenSynced(control.provider);
    control.control.setVoting({ roundId: w.roundId, status: 'closed', dotsPerPerson: 3, capPerItem: 2 });
    await eventually(() => control.control.state().voteResult?.roundId === w.roundId, 'tally after the crash');
    expect(Object.fromEntries(control.control.state().voteResult!.tally.map((t) => [t.text, t.votes]))).toMatchObject({ 'Delight first-time users': 2, 'Halve support tickets': 1 });
  });
});

import type { Dots } from '@okr/shared/workshop';
import type { RoomRequests } from './roomRequests.ts';

export type BallotView = { roundId: string; dots: Dots };
export type ProxyProgress = { id: string; name: string; left: number; dots: Dots };
/** What the server tells a facilitator about the open round: counts and names, never anyone's dots but proxies'. */
export type FacilitatorProgress = { roundId: string; total: number; done: number; notDone: { id: string; name: string; left: number }[]; proxies: ProxyProgress[] };
export type VotesSnapshot = { ballot: BallotView; confidence: Readonly<Record<string, number>>; progress: FacilitatorProgress | null };

/**
 * This device's votes, which the server keeps (server/src/relay/roomVotes.ts): its own ballot and
 * blind confidence votes, and for a facilitator the round's progress. Asked for on every
 * (re)connect (the server greets each connection with its seat) and kept up by pushed events.
 */
export class RoomVotes {
  private snapshot: VotesSnapshot = { ballot: { roundId: '', dots: {} }, confidence: {}, progress: null };
  private readonly listeners = new Set<() => void>();
  private readonly stops: (() => void)[];

  constructor(
    private readonly requests: RoomRequests,
    private readonly facilitator: boolean,
  ) {
    this.stops = [
      requests.on('seat', () => void this.refresh()),
      requests.on('ballot', (data) => this.set({ ballot: data as BallotView })),
      requests.on('confidence', (data) => {
        const { keyResultId, value } = data as { keyResultId: string; value: number };
        this.set({ confidence: { ...this.snapshot.confidence, [keyResultId]: value } });
      }),
      requests.on('votingProgress', (data) => this.set({ progress: data as FacilitatorProgress })),
    ];
  }

  current(): VotesSnapshot {
    return this.snapshot;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends the whole ballot (or a proxy's, for a facilitator); shows it at once, and rejects with the server's reason. */
  async castBallot(roundId: string, dots: Dots, proxyFor?: string): Promise<void> {
    const before = this.snapshot.ballot;
    if (proxyFor === undefined) this.set({ ballot: { roundId, dots } });
    try {
      await this.requests.request('castBallot', { roundId, dots, ...(proxyFor === undefined ? {} : { proxyFor }) });
    } catch (err) {
      if (proxyFor === undefined) this.set({ ballot: before });
      throw err;
    }
  }

  async castConfidence(keyResultId: string, value: number): Promise<void> {
    const before = this.snapshot.confidence;
    this.set({ confidence: { ...before, [keyResultId]: value } });
    try {
      await this.requests.request('castConfidence', { keyResultId, value });
    } catch (err) {
      this.set({ confidence: before });
      throw err;
    }
  }

  destroy(): void {
    for (const stop of this.stops) stop();
    this.listeners.clear();
  }

  private async refresh(): Promise<void> {
    try {
      const mine = await this.requests.request<{ ballot: BallotView; confidence: Record<string, number> }>('myVotes');
      this.set({ ballot: mine.ballot, confidence: mine.confidence });
      if (this.facilitator) this.set({ progress: await this.requests.request<FacilitatorProgress>('votingProgress') });
    } catch {
      // Refused (a viewer) or the room closed: nothing of ours to show.
    }
  }

  private set(patch: Partial<VotesSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

import { useState, type FormEvent } from 'react';
import { newRecordId, type Voting } from '@okr/shared/schema';
import { proxyVoterId } from '@okr/shared/workshop';
import { useRoom } from '../../sync/RoomContext.tsx';
import { progressLine, type VotingProgress } from '@okr/shared/workshop';

export type ProxyVoter = { id: string; name: string; roundId: string };

type Props = {
  voting: Voting;
  progress: VotingProgress;
  candidateCount: number;
  proxyFor: ProxyVoter | null;
  onProxy: (voter: ProxyVoter | null) => void;
};

/** The facilitator's side of the vote: settings, open and close, who has not voted, proxy votes. */
export function VotingControls({ voting, progress, candidateCount, proxyFor, onProxy }: Props) {
  const room = useRoom();
  const [dotsText, setDots] = useState(String(voting.dotsPerPerson));
  const [capText, setCap] = useState(String(voting.capPerItem));
  const [proxyName, setProxyName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const open = (event: FormEvent) => {
    event.preventDefault();
    const dots = parseCount(dotsText);
    const cap = parseCount(capText);
    if (dots === null || cap === null) {
      setError('Dots per person and dots on one card are whole numbers from 1 to 20.');
      return;
    }
    if (cap > dots) {
      setError('One card cannot take more dots than a person has.');
      return;
    }
    setError(null);
    room.control.setVoting({ roundId: newRecordId(), status: 'open', dotsPerPerson: dots, capPerItem: cap });
  };

  const startProxy = (event: FormEvent) => {
    event.preventDefault();
    const name = proxyName.trim();
    if (!name) return;
    onProxy({ id: proxyVoterId(name), name, roundId: voting.roundId });
    setProxyName('');
  };

  if (voting.status === 'open') {
    return (
      <section className="pick-panel" aria-label="Voting controls">
        <h3>Dot voting is open</h3>
        <p className="pick-panel-progress" role="status">
          {progressLine(progress)}
        </p>
        <p className="muted">
          {voting.dotsPerPerson} dots each, at most {voting.capPerItem} on one card. Tallies stay hidden until you close voting.
        </p>
        <h4 id="pick-not-voted-heading">Not voted yet</h4>
        {progress.notDone.length === 0 ? (
          <p className="muted">Everyone here has placed all their dots.</p>
        ) : (
          <ul className="pick-not-voted" aria-labelledby="pick-not-voted-heading">
            {progress.notDone.map((voter) => (
              <li key={voter.id}>
                {voter.name} <span className="muted">({voter.left} {voter.left === 1 ? 'dot' : 'dots'} left)</span>
              </li>
            ))}
          </ul>
        )}
        <form className="pick-proxy-form" onSubmit={startProxy} aria-label="Vote on behalf of someone">
          <label>
            Vote for someone without a device
            <input value={proxyName} onChange={(e) => setProxyName(e.target.value)} maxLength={60} placeholder="Their name" />
          </label>
          <button type="submit" disabled={!proxyName.trim()}>
            Vote for them
          </button>
        </form>
        {progress.proxies.length > 0 && (
          <ul className="pick-proxy-list" aria-label="Proxy votes">
            {progress.proxies.map((voter) => (
              <li key={voter.id}>
                <button
                  type="button"
                  aria-pressed={proxyFor?.id === voter.id}
                  onClick={() => onProxy(proxyFor?.id === voter.id ? null : { id: voter.id, name: voter.name, roundId: voting.roundId })}
                >
                  {proxyFor?.id === voter.id ? `Voting for ${voter.name}` : `Continue for ${voter.name}`} ({voter.left} left)
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" className="primary" onClick={() => room.control.setVoting({ ...voting, status: 'closed' })}>
          Close voting
        </button>
      </section>
    );
  }

  return (
    <section className="pick-panel" aria-label="Voting controls">
      <h3>{voting.status === 'closed' ? 'Vote again?' : 'Dot voting'}</h3>
      <form onSubmit={open} className="stack">
        <div className="row pick-settings">
          <label>
            Dots per person
            <input type="number" min={1} max={20} value={dotsText} onChange={(e) => setDots(e.target.value)} />
          </label>
          <label>
            Most dots on one card
            <input type="number" min={1} max={20} value={capText} onChange={(e) => setCap(e.target.value)} />
          </label>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {voting.status === 'closed' && <p className="muted">A new vote starts from zero: the dots above stop counting.</p>}
        <button type="submit" className={voting.status === 'closed' ? '' : 'primary'} disabled={candidateCount === 0}>
          {voting.status === 'closed' ? 'Open a new vote' : 'Open voting'}
        </button>
        {candidateCount === 0 && <p className="muted">There are no candidates to vote on yet.</p>}
      </form>
    </section>
  );
}

function parseCount(value: string): number | null {
  const n = Number(value.trim());
  return Number.isInteger(n) && n >= 1 && n <= 20 ? n : null;
}

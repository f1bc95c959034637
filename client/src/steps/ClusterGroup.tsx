import type { ReactNode } from 'react';

/** One cluster of cards in a list view: a named group, so a screen reader or a phone knows which cluster a card sits in. */
export function ClusterGroup({ label, children }: { label: string; children: ReactNode }) {
  return (
    <li className="cluster-group">
      <div role="group" aria-label={label}>
        <p className="group-label">{label}</p>
        <ul className="cards">{children}</ul>
      </div>
    </li>
  );
}

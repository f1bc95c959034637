import { useControl } from '../../sync/hooks.ts';
import { ObjectiveBanner as ConfirmedObjective } from '../pick/ObjectiveBanner.tsx';
import '../pick/pick.css';

/** THE objective the key results are for, as the Pick and Park steps show it; or a plain note that none is confirmed yet. */
export function ObjectiveBanner() {
  const { objective } = useControl();
  if (objective) return <ConfirmedObjective objective={objective} compact />;
  return (
    <section className="objective-banner is-missing" aria-label="THE objective">
      <p className="objective-eyebrow">THE objective</p>
      <p className="objective-banner-missing">
        No objective confirmed yet. The facilitator confirms one in step 3 (Pick THE objective); key results written now are kept for it.
      </p>
    </section>
  );
}

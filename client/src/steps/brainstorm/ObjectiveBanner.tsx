import { useControl } from '../../sync/hooks.ts';

/** THE objective the key results are for, large; or a plain note that none is confirmed yet. */
export function ObjectiveBanner() {
  const { objective } = useControl();
  return (
    <section className={`objective-banner ${objective ? '' : 'is-missing'}`} aria-label="THE objective">
      <p className="objective-eyebrow">
        THE objective{objective?.commitment === 'aspirational' ? ' · aspirational' : objective ? ' · committed' : ''}
      </p>
      {objective ? (
        <>
          <p className="objective-banner-title">{objective.title}</p>
          {objective.description && <p className="objective-banner-description">{objective.description}</p>}
        </>
      ) : (
        <p className="objective-banner-missing">
          No objective confirmed yet. The facilitator confirms one in step 3 (Pick THE objective); key results written now are kept for it.
        </p>
      )}
    </section>
  );
}

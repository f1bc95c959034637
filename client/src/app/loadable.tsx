import { createElement, lazy, useState, type ComponentType, type FunctionComponent } from 'react';

export type Loadable<P> = { Component: ComponentType<P>; preload: () => Promise<unknown> };

/**
 * A component whose code loads on demand, with `preload` to fetch it ahead of time.
 * Unlike a bare `React.lazy`, once preloaded it renders at once: no Suspense fallback flashes
 * when the group moves to a step whose code arrived in the background.
 * Example: `const Summary = loadable(() => import('./SummaryStep.tsx').then((m) => m.SummaryStep));`
 */
export function loadable<P extends object>(load: () => Promise<FunctionComponent<P>>): Loadable<P> {
  let loaded: FunctionComponent<P> | null = null;
  let pending: Promise<FunctionComponent<P>> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed fetch (a dropped network) may be retried by the next render or prefetch.
        pending = null;
        throw error;
      },
    ));
  // React 18's types give a lazy component `PropsWithRef<P>`, which they cannot resolve for a generic P;
  // no loadable takes a ref, so its props are exactly P.
  const Lazy = lazy(() => preload().then((component) => ({ default: component }))) as unknown as FunctionComponent<P>;
  function LoadableComponent(props: P) {
    // Decided once per mount: switching from Lazy to the loaded type later would remount its state.
    const [ready] = useState(() => loaded);
    return ready ? createElement(ready, props) : createElement(Lazy, props);
  }
  return { Component: LoadableComponent, preload };
}

import { Suspense, useEffect, useState } from 'react';
import { routeFromAddress } from './addressBar.ts';
import { BoardPage } from './BoardPage.tsx';
import { loadable } from './loadable.tsx';

// Whoever opens a board link (most people) never needs the page that creates one.
const homePage = loadable(() => import('./HomePage.tsx').then((m) => m.HomePage));

export function App() {
  const [route, setRoute] = useState(routeFromAddress);
  useEffect(() => {
    const onChange = () => setRoute(routeFromAddress());
    window.addEventListener('popstate', onChange);
    window.addEventListener('hashchange', onChange);
    return () => {
      window.removeEventListener('popstate', onChange);
      window.removeEventListener('hashchange', onChange);
    };
  }, []);

  switch (route.page) {
    case 'home':
      return (
        <Suspense fallback={null}>
          <homePage.Component />
        </Suspense>
      );
    case 'board':
      return <BoardPage access={route.access} />;
    case 'not-found':
      return (
        <main className="page-center">
          <h1>This link does not open a board</h1>
          <p>Check the link you were given, or <a href="/">start a new workshop</a>.</p>
        </main>
      );
  }
}

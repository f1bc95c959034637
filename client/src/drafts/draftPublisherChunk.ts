import { loadable } from '../app/loadable.tsx';

// Every writer's, but never before the first cards: BoardShell mounts it once the board is up.
export const draftPublisher = loadable(() => import('./DraftPublisher.tsx').then((m) => m.DraftPublisher));

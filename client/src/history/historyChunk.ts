import { loadable } from '../app/loadable.tsx';

// Only a facilitator opens History: its code loads when they do (or in their background prefetch), not in anyone's first page load.
export const historyDialog = loadable(() => import('./HistoryDialog.tsx').then((m) => m.default));

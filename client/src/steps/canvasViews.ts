import type { ComponentProps } from 'react';
import type { StepId } from '@okr/shared/schema';
import { loadable } from '../app/loadable.tsx';
import type { ContextCanvas } from './context/ContextCanvas.tsx';
import type { DraftCanvas } from './draft/DraftCanvas.tsx';
import type { BrainstormCanvas } from './brainstorm/BrainstormCanvas.tsx';

/**
 * The canvas views of the canvas steps, each its own chunk with the canvas and @dnd-kit (about
 * 20 KB gzipped): a phone opens these steps on the list, so its first load goes without them.
 * StepView starts the fetch beside the step's own chunk on a device that shows the canvas.
 */
export const contextCanvas = loadable<ComponentProps<typeof ContextCanvas>>(() => import('./context/ContextCanvas.tsx').then((m) => m.ContextCanvas));
export const draftCanvas = loadable<ComponentProps<typeof DraftCanvas>>(() => import('./draft/DraftCanvas.tsx').then((m) => m.DraftCanvas));
export const brainstormCanvas = loadable<ComponentProps<typeof BrainstormCanvas>>(() => import('./brainstorm/BrainstormCanvas.tsx').then((m) => m.BrainstormCanvas));

export const canvasViews: Partial<Record<StepId, { preload: () => Promise<unknown> }>> = { context: contextCanvas, draft: draftCanvas, brainstorm: brainstormCanvas };

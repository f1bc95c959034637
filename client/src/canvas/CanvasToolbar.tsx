import { useState, type FormEvent } from 'react';
import type { CanvasStep } from '@okr/shared/schema';
import { useBoardUi, useBoardUiStore } from '../state/BoardUiContext.tsx';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { zoomAt } from './camera.ts';
import type { LegendEntry } from './model.ts';

type Props = {
  step: CanvasStep;
  canEdit: boolean;
  projector: boolean;
  following: boolean;
  legend: readonly LegendEntry[];
  onFitAll: () => void;
  onNewCluster: (name: string) => void;
};

/** Zoom, "Fit all", a new cluster, the facilitator's "Follow me" and projector cursors, and what the colours mean. */
export function CanvasToolbar({ step, canEdit, projector, following, legend, onFitAll, onNewCluster }: Props) {
  const room = useRoom();
  const control = useControl();
  const store = useBoardUiStore();
  const unfollow = useBoardUi((s) => s.unfollow);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const zoom = (factor: number) => {
    const { cameras, canvasSize } = store.getState();
    store.getState().setCamera(step, zoomAt(cameras[step] ?? { x: 0, y: 0, zoom: 1 }, factor, { x: canvasSize.w / 2, y: canvasSize.h / 2 }));
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    onNewCluster(name);
    setName('');
    setNaming(false);
  };
  const facilitating = room.isFacilitator && !projector;
  return (
    <div className="canvas-toolbar">
      {!projector && (
        <div className="canvas-tools" role="toolbar" aria-label="Canvas">
          <button type="button" onClick={() => zoom(1 / 1.25)} aria-label="Zoom out">
            −
          </button>
          <button type="button" onClick={() => zoom(1.25)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={onFitAll}>
            Fit all
          </button>
          {canEdit && !naming && (
            <button type="button" onClick={() => setNaming(true)}>
              New cluster
            </button>
          )}
          {facilitating && (
            <>
              <button type="button" aria-pressed={control.followMe} onClick={() => room.control.set({ followMe: !control.followMe })}>
                Follow me
              </button>
              <button type="button" aria-pressed={control.projectorCursors} onClick={() => room.control.set({ projectorCursors: !control.projectorCursors })}>
                Cursors on projector
              </button>
            </>
          )}
          {!room.isFacilitator && control.followMe && (
            <button type="button" aria-pressed={following} onClick={() => unfollow(following)}>
              {following ? 'Following the facilitator' : 'Follow the facilitator'}
            </button>
          )}
        </div>
      )}
      {naming && (
        <form className="new-cluster" onSubmit={create} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} aria-label="New cluster">
          <input aria-label="Cluster name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} placeholder="e.g. Speed" autoFocus />
          <button type="submit" className="primary">
            Create cluster
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      )}
      {legend.length > 0 && (
        <ul className="canvas-legend" aria-label="Colours">
          {legend.map((entry) => (
            <li key={entry.label}>
              <span className={`swatch tone-${entry.tone}`} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

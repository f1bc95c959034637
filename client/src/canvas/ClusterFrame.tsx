import { useState, type CSSProperties, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { useDraggable } from '@dnd-kit/core';
import type { Frame } from '@okr/shared/workshop';
import { useRoom } from '../sync/RoomContext.tsx';
import { ARROWS, NUDGE, previewTransform } from './moves.ts';

type Props = {
  frame: Frame;
  canEdit: boolean;
  /** Arrow keys on the move handle: the cluster and its notes by (dx, dy), one write. */
  onNudge: (frame: Frame, dx: number, dy: number) => void;
  children: ReactNode;
};

type Listeners = Partial<Record<'onKeyDown' | 'onPointerDown', (event: SyntheticEvent) => void>>;


/** A cluster's frame with its name and its notes inside, so dragging the frame carries them and a screen reader hears them as one group. */
export function ClusterFrame({ frame, canEdit, onNudge, children }: Props) {
  const room = useRoom();
  const title = frame.named ? frame.name || 'Unnamed cluster' : `Group of ${frame.noteIds.length}`;
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(frame.name);
  const drag = useDraggable({ id: `frame:${frame.id}`, data: { frame }, disabled: !canEdit || renaming });
  const listeners = drag.listeners as Listeners | undefined;
  const style = {
    left: frame.x,
    top: frame.y,
    width: frame.w,
    height: frame.h,
    ...previewTransform(drag.transform),
  } as CSSProperties;

  const save = () => {
    const trimmed = name.trim();
    if (frame.named) room.board.renameCluster(frame.id, trimmed);
    else room.board.nameGroup(frame.id, trimmed, { x: frame.x, y: frame.y });
    setRenaming(false);
  };
  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const arrow = ARROWS[event.key];
    if (arrow && !drag.isDragging) {
      event.preventDefault();
      const step = event.shiftKey ? NUDGE * 5 : NUDGE;
      onNudge(frame, arrow[0] * step, arrow[1] * step);
      return;
    }
    listeners?.onKeyDown?.(event);
  };

  return (
    <section ref={drag.setNodeRef} className={`canvas-frame ${frame.named ? '' : 'is-unnamed'} ${drag.isDragging ? 'is-dragging' : ''}`} style={style} aria-label={`Cluster: ${title}`} data-frame-id={frame.id}>
      <header className="frame-head">
        {canEdit && (
          <button
            type="button"
            className="frame-handle"
            {...drag.attributes}
            aria-label={`Move cluster "${title}"`}
            aria-describedby={undefined}
            aria-disabled={undefined}
            onPointerDown={(e) => listeners?.onPointerDown?.(e)}
            onKeyDown={onHandleKey}
          >
            <span aria-hidden="true">✥</span>
          </button>
        )}
        {renaming ? (
          <form
            className="frame-rename"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}
          >
            <input aria-label="Cluster name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} autoFocus />
            <button type="submit" className="primary">
              Save
            </button>
          </form>
        ) : (
          <h4 className="frame-name">{title}</h4>
        )}
        {canEdit && !renaming && (
          <>
            <button type="button" className="frame-action" onClick={() => setRenaming(true)} aria-label={`Rename cluster "${title}"`}>
              Rename
            </button>
            {frame.named && (
              <button type="button" className="frame-action" onClick={() => room.board.removeCluster(frame.id)} aria-label={`Remove cluster "${title}" (its notes stay)`}>
                ✕
              </button>
            )}
          </>
        )}
      </header>
      <ul className="frame-notes" aria-label={`Notes in ${title}`}>
        {children}
      </ul>
    </section>
  );
}

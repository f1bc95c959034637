import { useDraggable } from '@dnd-kit/core';
import type { ReactNode } from 'react';
import { isRevisitOverdue, localDay, ownerLabel, type Lane, type LaneItem } from '@okr/shared/workshop';
import { formatDay } from '../../components/formatDay.ts';

type Props = {
  item: LaneItem;
  canEdit: boolean;
  /** Being dragged on this device: the card stays put, dimmed, until the drop. */
  dragging: boolean;
  onMove: (to: Lane) => void;
  onPark: () => void;
  onEdit: () => void;
  onRemove: () => void;
  /** The name of the Draft canvas cluster the card was voted on in, if any. */
  cluster?: string;
  /** Replaces the card's content, e.g. the edit form. */
  children?: ReactNode;
};

/** One card in a lane, with a drag handle and the same moves as plain buttons. */
export function LaneCard({ item, canEdit, dragging, onMove, onPark, onEdit, onRemove, cluster, children }: Props) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes } = useDraggable({ id: item.key, data: { lane: item.lane }, disabled: !canEdit });
  const quoted = `"${item.text}"`;
  const parked = item.parked;
  const owner = parked && ownerLabel({ name: parked.ownerName, email: parked.ownerEmail });
  const overdue = isRevisitOverdue(parked?.revisitDate, localDay(new Date()));
  return (
    <li ref={setNodeRef} className={`card park-card ${dragging ? 'is-dragging' : ''} park-card-${item.lane}`} aria-label={item.text} data-lane-key={item.key}>
      {children ?? (
        <>
          <div className="park-card-head">
            {canEdit && (
              <button type="button" ref={setActivatorNodeRef} className="park-drag-handle" {...attributes} {...listeners} aria-label={`Move ${quoted}`}>
                <span aria-hidden="true">⠿</span>
              </button>
            )}
            <p className="card-text">{item.text}</p>
          </div>
          {(item.isObjective || item.nearObjective || cluster || (parked && !parked.candidateId)) && (
            <p className="park-card-tags">
              {/* The room voted on the cluster, not its notes: say which one the note came from. */}
              {cluster && !item.nearObjective && <span className="park-tag">Cluster “{cluster}”</span>}
              {item.isObjective && <span className="park-tag is-warning">Now THE objective: take it out of the parking lot</span>}
              {item.nearObjective && <span className="park-tag">Grouped with THE objective</span>}
              {parked && !parked.candidateId && <span className="park-tag">Added to the parking lot</span>}
            </p>
          )}
          {parked && (
            <dl className="park-details">
              <div>
                <dt>Reason</dt>
                <dd>{parked.reason}</dd>
              </div>
              {owner && (
                <div>
                  <dt>Owner</dt>
                  <dd>{owner}</dd>
                </div>
              )}
              {parked.revisitDate && (
                <div className={overdue ? 'is-overdue' : undefined}>
                  <dt>Revisit</dt>
                  <dd>
                    <time dateTime={parked.revisitDate}>{formatDay(parked.revisitDate)}</time>
                    {overdue && (
                      <span className="park-tag is-warning" role="note">
                        Date has passed: revisit it now or pick a new date
                      </span>
                    )}
                  </dd>
                </div>
              )}
            </dl>
          )}
          {canEdit && (
            <div className="card-actions">
              {item.lane !== 'parked' && (
                <button type="button" onClick={onPark} aria-label={`Park ${quoted}`}>
                  Park…
                </button>
              )}
              {item.lane === 'unsorted' && (
                <button type="button" onClick={() => onMove('discarded')} aria-label={`Discard ${quoted}`}>
                  Discard
                </button>
              )}
              {item.lane === 'parked' && (
                <button type="button" onClick={onEdit} aria-label={`Edit ${quoted}`}>
                  Edit
                </button>
              )}
              {item.lane !== 'unsorted' && item.candidate && !item.isObjective && (
                <button type="button" onClick={() => onMove('unsorted')} aria-label={`Back to unsorted: ${quoted}`}>
                  Back to unsorted
                </button>
              )}
              {item.isObjective && (
                <button type="button" onClick={() => onMove('unsorted')} aria-label={`Take ${quoted} out of the parking lot`}>
                  Take out
                </button>
              )}
              {item.lane === 'parked' && !item.candidate && (
                <button type="button" onClick={onRemove} aria-label={`Remove ${quoted} from the parking lot`}>
                  Remove
                </button>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}

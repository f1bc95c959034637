import { CONTEXT_KIND_LABELS, type ContextItem, type Objective } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useOpenForm } from '../../state/useOpenForm.ts';
import { FindingList } from './FindingList.tsx';
import type { TargetFindings } from './reviewBoard.ts';

type Props = {
  objective: Objective | null;
  context: readonly ContextItem[];
  findings: TargetFindings;
  canEdit: boolean;
};

/** THE objective at the top of the step, the context it serves, and the findings about it as a whole. */
export function ObjectivePanel({ objective, context, findings, canEdit }: Props) {
  const room = useRoom();
  const linked = objective ? context.filter((item) => objective.contextIds.includes(item.id)) : [];
  const canLink = canEdit && room.isFacilitator && objective !== null && context.length > 0;
  // null: open while nothing is linked; once the facilitator ticks or toggles, it stays as they left it.
  const [choosing, setChoosing] = useOpenForm('linkContext');
  const showChooser = canLink && (choosing ?? linked.length === 0);

  const toggle = (id: string, on: boolean) => {
    const current = room.control.state().objective;
    if (!current) return;
    const kept = current.contextIds.filter((other) => other !== id && context.some((item) => item.id === other));
    room.control.setObjective({ ...current, contextIds: on ? [...kept, id] : kept });
    setChoosing(true);
  };

  return (
    <section className="objective-panel" aria-label="The objective">
      {objective ? (
        <>
          <p className="eyebrow">
            THE objective · <span className={`commitment commitment-${objective.commitment}`}>{objective.commitment === 'committed' ? 'Committed' : 'Aspirational'}</span>
          </p>
          <p className="objective-title">{objective.title}</p>
          {objective.description && <p className="objective-description">{objective.description}</p>}
          <div className="serves">
            <h3 className="serves-heading">Serves</h3>
            {linked.length > 0 ? (
              <ul className="context-chips" aria-label="Context it serves">
                {linked.map((item) => (
                  <li key={item.id} className="context-chip" aria-label={item.text}>
                    <span className="context-kind">{CONTEXT_KIND_LABELS[item.kind]}</span> {item.text}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{context.length === 0 ? 'No context on the board to link to.' : room.isFacilitator ? 'Not linked yet: tick the context items it serves.' : 'Not linked to any context yet — the facilitator links it.'}</p>
            )}
            {canLink && linked.length > 0 && (
              <button type="button" className="link-button" aria-expanded={showChooser} onClick={() => setChoosing(!showChooser)}>
                {showChooser ? 'Done linking' : 'Change links'}
              </button>
            )}
          </div>
          {showChooser && (
            <fieldset className="context-picker">
              <legend>Context this objective serves</legend>
              {context.map((item) => (
                <label key={item.id} className="check">
                  <input type="checkbox" checked={objective.contextIds.includes(item.id)} onChange={(event) => toggle(item.id, event.target.checked)} />
                  <span>
                    <span className="context-kind">{CONTEXT_KIND_LABELS[item.kind]}</span> {item.text}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </>
      ) : (
        <p className="objective-missing">No objective confirmed yet: the key results below have nothing to serve. The facilitator confirms one in step 3, Pick THE objective.</p>
      )}
      <FindingList label="Checks for the objective" findings={findings} canEdit={canEdit} />
    </section>
  );
}

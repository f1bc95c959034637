import { findingKey, type Finding } from '@okr/shared/review';
import type { KeyResult } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useBoardUi } from '../../state/BoardUiContext.tsx';
import { useIdentity } from '../../state/identity.ts';
import { InlineEditor } from '../../components/InlineEditor.tsx';
import { CardMenu, type MenuItem } from '../../drafts/CardMenu.tsx';

type Props = { kr: KeyResult; finding: Finding | undefined; canEdit: boolean; canDelete: boolean; mine: boolean };

/** A key result for THE objective; one that reads like an action offers to become an initiative. */
export function KeyResultCard({ kr, finding, canEdit, canDelete, mine }: Props) {
  const room = useRoom();
  const editing = useBoardUi((s) => canEdit && s.editingId === kr.id);
  const edit = useBoardUi((s) => s.edit);
  // Someone may have deleted it meanwhile: then there is nothing to move.
  const move = () => room.board.keyResults.has(kr.id) && room.board.moveKeyResultToInitiatives(kr.id);
  const menu: MenuItem[] = [
    { label: 'Move to initiatives', onSelect: move },
    ...(canDelete ? [{ label: 'Delete', danger: true, onSelect: () => room.board.removeKeyResult(kr.id) }] : []),
  ];
  return (
    <li className={`card bs-kr-card ${finding ? 'has-finding' : ''} ${mine ? 'is-mine' : ''}`} aria-label={kr.title}>
      {editing ? (
        <InlineEditor
          label="Edit key result"
          initial={kr.title}
          onSave={(title) => {
            if (room.board.keyResults.has(kr.id)) room.board.update(room.board.keyResults, kr.id, { title });
            edit(null);
          }}
          onCancel={() => edit(null)}
        />
      ) : (
        <>
          <p className="card-text">{kr.title}</p>
          {mine && (
            <p className="card-byline">
              <span className="draft-chip">You</span>
            </p>
          )}
          {finding && (
            <div className="bs-finding" role="note" aria-label="Reads like an action">
              <p>
                <span aria-hidden="true">⚠ </span>
                {finding.message}
              </p>
              {canEdit && (
                <div className="row">
                  <button type="button" className="primary" onClick={move} aria-label={`Move "${kr.title}" to initiatives`}>
                    Move to initiatives
                  </button>
                  <button
                    type="button"
                    onClick={() => room.board.dismissFinding(findingKey(finding), useIdentity.getState().name || 'someone')}
                    aria-label={`Keep "${kr.title}" as a key result`}
                  >
                    Keep as key result
                  </button>
                </div>
              )}
            </div>
          )}
          {canEdit && (
            <div className="card-actions">
              <button type="button" onClick={() => edit(kr.id)} aria-label={`Edit "${kr.title}"`}>
                Edit
              </button>
              <CardMenu label={`More actions for "${kr.title}"`} items={menu} />
            </div>
          )}
        </>
      )}
    </li>
  );
}

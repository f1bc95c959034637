import type { PrivateWritingStep } from '@okr/shared/schema';
import { useControl } from '../sync/hooks.ts';
import { useRoom } from '../sync/RoomContext.tsx';
import { useBoardUi } from '../state/BoardUiContext.tsx';
import { InlineEditor } from '../components/InlineEditor.tsx';
import { useDrafts, type Draft } from './draftStore.ts';
import { draftRoomKey } from './roomKey.ts';
import { LockIcon } from './LockIcon.tsx';
import { isPrivateWriting } from '@okr/shared/workshop';

const NONE: readonly Draft[] = [];

/** This device's private drafts for the step: only here, editable until the reveal publishes them. */
export function MyDrafts({ step, canEdit, editLabel }: { step: PrivateWritingStep; canEdit: boolean; editLabel: string }) {
  const room = useRoom();
  const key = draftRoomKey(room.access);
  const drafts = useDrafts((s) => (key ? (s.rooms[key]?.drafts[step] ?? NONE) : NONE));
  const refused = useDrafts((s) => (key ? (s.handOverError[key] ?? null) : null));
  const editingId = useBoardUi((s) => s.editingId);
  const edit = useBoardUi((s) => s.edit);
  const control = useControl();
  const privateOn = isPrivateWriting(control, step);
  if (!key || drafts.length === 0) return null;
  const store = useDrafts.getState();
  return (
    <section className="my-drafts" aria-label="Your private drafts">
      <h3>
        <LockIcon /> Your private drafts ({drafts.length})
      </h3>
      <p className="muted">
        {control.anonymous
          ? privateOn
            ? 'Kept private by the server. At the reveal it publishes everyone’s drafts at once, shuffled and unsigned.'
            : 'On their way: the server adds them to the board, unsigned, within a few seconds.'
          : privateOn
            ? 'Only on this device. They are published, all at once, when the facilitator reveals.'
            : 'Waiting to be published: they go to the board as soon as this device may write.'}
      </p>
      {refused && (
        <p role="alert" className="error">
          The server did not take your drafts yet: {refused} They stay on this device and are sent again with your next change.
        </p>
      )}
      <ul className="cards">
        {drafts.map((draft) => (
          <li key={draft.id} className="card draft-card" aria-label={draft.text}>
            {canEdit && editingId === draft.id ? (
              <InlineEditor
                label={editLabel}
                initial={draft.text}
                onSave={(text) => {
                  store.editDraft(key, step, draft.id, text);
                  edit(null);
                }}
                onCancel={() => edit(null)}
              />
            ) : (
              <>
                <p className="card-text">{draft.text}</p>
                {canEdit && (
                  <div className="card-actions">
                    <button type="button" onClick={() => edit(draft.id)} aria-label={`Edit draft "${draft.text}"`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => store.removeDraft(key, step, draft.id)} aria-label={`Delete draft "${draft.text}"`}>
                      Delete
                    </button>
                  </div>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

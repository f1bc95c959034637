import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { Cluster, Initiative, KeyResult } from '@okr/shared/schema';
import { ownerLabel } from '@okr/shared/workshop';
import { useBoard } from '../../sync/hooks.ts';
import { useRoom } from '../../sync/RoomContext.tsx';
import { useBoardUi } from '../../state/BoardUiContext.tsx';
import { InlineEditor } from '../../components/InlineEditor.tsx';
import { useUnsaved } from '../../components/useUnsaved.ts';
import { InitiativeOwner } from './InitiativeOwner.tsx';
import { groupByCluster } from '../clusterGroups.ts';
import { ClusterGroup } from '../ClusterGroup.tsx';

/** Initiatives: the team's work, each linked to the key results it should move. */
export function InitiativesLane({ keyResults, clusters, canEdit }: { keyResults: readonly KeyResult[]; clusters: readonly Cluster[]; canEdit: boolean }) {
  const initiatives = useBoard((board) => board.initiatives.list());
  const { groups, loose } = useMemo(() => groupByCluster(initiatives, clusters, 'brainstorm'), [initiatives, clusters]);
  const renderInitiative = (initiative: Initiative) => <InitiativeCard key={initiative.id} initiative={initiative} keyResults={keyResults} canEdit={canEdit} />;
  return (
    <section className="lane initiatives-lane" aria-label="Initiatives">
      <h3>
        Initiatives <span className="count">({initiatives.length})</span>
      </h3>
      {canEdit && <p className="muted lane-note">Work the team does to move the key results. Not counted as progress: change or drop it without touching the OKR.</p>}
      {canEdit && <AddInitiative />}
      {initiatives.length === 0 && <p className="muted empty">No initiatives yet. A key result that reads like an action can be moved here.</p>}
      <ul className="cards">
        {groups.map((group) => (
          <ClusterGroup key={group.id} label={group.label}>
            {group.cards.map(renderInitiative)}
          </ClusterGroup>
        ))}
        {loose.map(renderInitiative)}
      </ul>
    </section>
  );
}

function AddInitiative() {
  const room = useRoom();
  const [title, setTitle] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useUnsaved(title.trim() !== '');
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    room.board.addInitiative({ title: title.trim(), keyResultIds: [] });
    setTitle('');
    ref.current?.focus();
  };
  return (
    <form className="add-card add-initiative" onSubmit={add} aria-label="Add initiative">
      <label className="grow">
        Initiative
        <input ref={ref} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={500} placeholder="e.g. Build a cart reminder email" />
      </label>
      <button type="submit" disabled={!title.trim()}>
        Add initiative
      </button>
    </form>
  );
}

function InitiativeCard({ initiative, keyResults, canEdit }: { initiative: Initiative; keyResults: readonly KeyResult[]; canEdit: boolean }) {
  const room = useRoom();
  const editing = useBoardUi((s) => canEdit && s.editingId === initiative.id);
  const edit = useBoardUi((s) => s.edit);
  const known = new Set(keyResults.map((kr) => kr.id));
  const linked = initiative.keyResultIds.filter((id) => known.has(id));
  const toggle = (keyResultId: string, on: boolean) => {
    const next = on ? [...linked, keyResultId] : linked.filter((id) => id !== keyResultId);
    if (room.board.initiatives.has(initiative.id)) room.board.update(room.board.initiatives, initiative.id, { keyResultIds: next });
  };
  const served = keyResults.filter((kr) => linked.includes(kr.id));
  const owner = ownerLabel({ name: initiative.ownerName, email: initiative.ownerEmail });

  return (
    <li className="card initiative-card" aria-label={initiative.title}>
      {editing ? (
        <InlineEditor
          label="Edit initiative"
          initial={initiative.title}
          onSave={(title) => {
            if (room.board.initiatives.has(initiative.id)) room.board.update(room.board.initiatives, initiative.id, { title });
            edit(null);
          }}
          onCancel={() => edit(null)}
        />
      ) : (
        <p className="card-text">{initiative.title}</p>
      )}
      {canEdit ? (
        <>
          <fieldset className="initiative-serves">
            <legend>Serves key results</legend>
            {keyResults.length === 0 && <p className="muted">No key results to link yet.</p>}
            {keyResults.map((kr) => (
              <label key={kr.id} className="serves-check">
                <input type="checkbox" checked={linked.includes(kr.id)} onChange={(e) => toggle(kr.id, e.target.checked)} />
                <span>{kr.title}</span>
              </label>
            ))}
          </fieldset>
          <InitiativeOwner initiative={initiative} />
        </>
      ) : (
        <>
          {served.length > 0 && (
            <p className="bs-serves-text">
              <span className="muted">Serves:</span> {served.map((kr) => kr.title).join(' · ')}
            </p>
          )}
          {owner && (
            <p className="card-byline">
              <span className="muted">Owner:</span> {owner}
            </p>
          )}
        </>
      )}
      {linked.length === 0 && keyResults.length > 0 && (
        <p className="unlinked" role="note">
          Not linked to a key result yet: which one should this move?
        </p>
      )}
      {canEdit && !editing && (
        <div className="card-actions">
          <button type="button" onClick={() => edit(initiative.id)} aria-label={`Edit "${initiative.title}"`}>
            Edit
          </button>
          <button type="button" onClick={() => room.board.remove(room.board.initiatives, initiative.id)} aria-label={`Delete "${initiative.title}"`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

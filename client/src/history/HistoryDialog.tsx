import { useEffect, useRef, useState } from 'react';
import { cardChangePhrase, VERSION_REASON_LABELS } from '@okr/shared/export';
import { STEP_IDS, type StepId } from '@okr/shared/schema';
import { stepInfo } from '@okr/shared/workshop';
import { useRoom } from '../sync/RoomContext.tsx';
import { fetchHistory, fetchVersion, type VersionEntry } from './historyApi.ts';
import { previewOf, type VersionPreview } from './preview.ts';
import './history.css';

type Selected = { entry: VersionEntry; snapshot: Uint8Array; preview: VersionPreview };

/**
 * History: the versions the server kept of this board, newest first, with when, at which step, why
 * and what changed. Preview one, then restore it: the restore is this device's own edit (undoable
 * with Undo) that everyone receives; nothing stored is rewritten.
 */
export default function HistoryDialog({ onClose }: { onClose: () => void }) {
  const room = useRoom();
  const ref = useRef<HTMLDialogElement>(null);
  const previewRef = useRef<HTMLElement>(null);
  const [versions, setVersions] = useState<VersionEntry[] | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const access = room.access;
  const roomId = access.kind === 'facilitator' ? access.roomId : '';
  const key = access.kind === 'facilitator' ? access.key : '';

  useEffect(() => {
    ref.current?.showModal();
  }, []);

  // On a phone the preview sits below the list: bring it into view when a version is chosen.
  useEffect(() => {
    if (selected) previewRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  useEffect(() => {
    let cancelled = false;
    fetchHistory(roomId, key).then(
      (list) => !cancelled && setVersions(list),
      (err: Error) => !cancelled && setProblem(err.message),
    );
    return () => {
      cancelled = true;
    };
  }, [roomId, key]);

  const preview = async (entry: VersionEntry) => {
    setProblem(null);
    try {
      const snapshot = await fetchVersion(roomId, key, entry.id);
      setSelected({ entry, snapshot, preview: previewOf(snapshot) });
    } catch (err) {
      setProblem((err as Error).message);
    }
  };

  const restore = (chosen: Selected) => {
    room.board.restoreFrom(chosen.snapshot);
    onClose();
  };

  return (
    <dialog ref={ref} className="history-dialog" aria-labelledby="history-title" onClose={onClose}>
      <div className="history-head">
        <h2 id="history-title">History</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">The server keeps a version at each step change, reveal and big deletion, and every few minutes while people edit. Restoring one is your own edit: Undo takes it back.</p>
      {problem && <p role="alert" className="error">{problem}</p>}
      <div className="history-body">
        {versions === null && !problem && <p>Loading versions…</p>}
        {versions?.length === 0 && <p>No versions yet.</p>}
        {versions && versions.length > 0 && (
          <ol className="history-list" aria-label="Versions">
            {versions.map((entry) => (
              <li key={entry.id} className={selected?.entry.id === entry.id ? 'is-selected' : undefined}>
                <span className="history-time">{clock(entry.createdAt)}</span>
                <span>{stepTitle(entry.step)}</span>
                <span>{VERSION_REASON_LABELS[entry.reason]}</span>
                <span className="history-cards">
                  {entry.cards} card{entry.cards === 1 ? '' : 's'} ({cardChangePhrase(entry)})
                </span>
                <button type="button" onClick={() => void preview(entry)} aria-label={`Preview the version of ${clock(entry.createdAt)}, ${VERSION_REASON_LABELS[entry.reason]}, ${entry.cards} cards`}>
                  Preview
                </button>
              </li>
            ))}
          </ol>
        )}
        {selected && (
          <section ref={previewRef} className="history-preview" aria-label="Preview">
            <h3>
              {clock(selected.entry.createdAt)} · {stepTitle(selected.entry.step)} · {selected.entry.cards} cards
            </h3>
            {selected.preview.groups.length === 0 && <p>This version has no cards.</p>}
            {selected.preview.groups.map((group) => (
              <div key={group.label}>
                <h4>
                  {group.label} ({group.cards.length})
                </h4>
                <ul>
                  {group.cards.map((text, index) => (
                    <li key={index}>{text}</li>
                  ))}
                </ul>
              </div>
            ))}
            <button type="button" className="primary" onClick={() => restore(selected)}>
              Restore this version
            </button>
          </section>
        )}
      </div>
    </dialog>
  );
}

/** "14:05:09" in this device's time. */
function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function stepTitle(step: string): string {
  return (STEP_IDS as readonly string[]).includes(step) ? stepInfo(step as StepId).title : step;
}

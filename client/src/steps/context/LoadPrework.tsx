import { useRef, useState, type ChangeEvent } from 'react';
import { applyImport, parseImportFile } from '@okr/shared/export';
import { useRoom } from '../../sync/RoomContext.tsx';

/** The facilitator starts the board from a prepared pre-work file (or restores an export) before the session. */
export function LoadPrework() {
  const room = useRoom();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const load = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const parsed = parseImportFile(await file.text());
      applyImport(parsed, room.board, room.control);
      setMessage({ kind: 'ok', text: `Loaded ${file.name}.` });
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <div className="load-prework">
      <button type="button" onClick={() => input.current?.click()}>
        Load pre-work file…
      </button>
      <input ref={input} type="file" accept="application/json,.json" onChange={load} hidden aria-label="Pre-work file" />
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error prework-error' : 'muted'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

import { Suspense } from 'react';
import { useOpenForm } from '../state/useOpenForm.ts';
import { historyDialog } from './historyChunk.ts';

/** The facilitator's "History" button; the dialog it opens lists the board's versions to preview and restore. */
export function HistoryButton() {
  const [open, setOpen] = useOpenForm('history');
  const HistoryDialog = historyDialog.Component;
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} aria-haspopup="dialog">
        History
      </button>
      {open && (
        <Suspense fallback={null}>
          <HistoryDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

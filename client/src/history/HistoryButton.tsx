import { lazy, Suspense } from 'react';
import { useOpenForm } from '../state/useOpenForm.ts';

// Only a facilitator opens History: its code loads when they do, not in anyone's first page load.
const HistoryDialog = lazy(() => import('./HistoryDialog.tsx'));

/** The facilitator's "History" button; the dialog it opens lists the board's versions to preview and restore. */
export function HistoryButton() {
  const [open, setOpen] = useOpenForm('history');
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

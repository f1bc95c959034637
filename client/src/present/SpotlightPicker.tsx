import { Suspense, useState } from 'react';
import { spotlightDialog } from '../facilitation/facilitatorChunks.ts';

/** The facilitator picks any card, group, key result or finding of the step to show the room large. */
export function SpotlightPicker() {
  const [open, setOpen] = useState(false);
  const SpotlightDialog = spotlightDialog.Component;
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Spotlight…
      </button>
      {open && (
        <Suspense fallback={null}>
          <SpotlightDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

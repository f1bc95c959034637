import { useEffect } from 'react';
import { useOpenForm } from '../../state/useOpenForm.ts';
import { isTyping } from '../../components/Stepper.tsx';
import { ParkForm, type ParkFields } from './ParkForm.tsx';

/** Park something that was never a candidate. N opens it from anywhere on the board. */
export function AddToParkingLot({ onAdd }: { onAdd: (fields: ParkFields) => void }) {
  const [open, setOpen] = useOpenForm('addToParkingLot');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'n' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setOpen]);

  if (!open) {
    return (
      <button type="button" className="park-add-toggle" onClick={() => setOpen(true)} aria-keyshortcuts="N">
        + Add to parking lot
      </button>
    );
  }
  return (
    <ParkForm
      className="add-card park-add"
      label="Add to parking lot"
      withText
      submitLabel="Add to parking lot"
      onSubmit={(fields) => {
        onAdd(fields);
        setOpen(false);
      }}
      onCancel={() => setOpen(false)}
    />
  );
}

import type { PrivateWritingStep } from '@okr/shared/schema';
import { AddCard } from './AddCard.tsx';
import { MyDrafts } from './MyDrafts.tsx';

type Props = { step: PrivateWritingStep; canEdit: boolean; label: string; placeholder: string; editLabel: string };

/** A writing step's add box and this device's private drafts, beside the board. */
export function WritingDesk({ step, canEdit, label, placeholder, editLabel }: Props) {
  return (
    <div className="writing-desk">
      {canEdit && <AddCard step={step} label={label} placeholder={placeholder} />}
      <MyDrafts step={step} canEdit={canEdit} editLabel={editLabel} />
    </div>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { Candidate } from '@okr/shared/schema';
import { defaultMergeTarget, suggestedMergeText } from '@okr/shared/workshop';
import { CardSelect, escapeCancels } from './TargetPicker.tsx';

type Props = {
  card: Candidate;
  options: readonly Candidate[];
  onMerge: (targetId: string, text: string) => void;
  onCancel: () => void;
};

const MAX_TEXT = 500;

/**
 * "Merge into…": pick the card to keep (the one this card is grouped with, first) and edit the
 * merged wording before anything is written.
 */
export function MergePicker({ card, options, onMerge, onCancel }: Props) {
  const [targetId, setTargetId] = useState(() => defaultMergeTarget(card, options)?.id ?? '');
  // Null until the person types: the suggestion then follows the chosen card.
  const [edited, setEdited] = useState<string | null>(null);
  const target = options.find((o) => o.id === targetId);
  const wording = edited ?? (target ? suggestedMergeText(target.text, card.text) : '');
  const ref = useRef<HTMLSelectElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const onKeyDown = escapeCancels(onCancel);
  const canMerge = Boolean(target) && wording.trim().length > 0;
  return (
    <div className="target-picker" role="group" aria-label={`Merge "${card.text}"`} onKeyDown={onKeyDown}>
      {options.length === 0 ? (
        <p className="muted">There is no other card to choose.</p>
      ) : (
        <>
          <CardSelect label="Merge into" value={targetId} options={options} onChange={setTargetId} selectRef={ref} />
          <label>
            Merged wording
            <textarea value={wording} maxLength={MAX_TEXT} rows={3} onChange={(e) => setEdited(e.target.value)} />
          </label>
          <p className="muted picker-note">This card is folded into the one you choose, which takes this wording and keeps both authors.</p>
        </>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!canMerge} onClick={() => canMerge && onMerge(targetId, wording.trim())}>
          Merge
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

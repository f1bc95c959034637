import { useMemo } from 'react';
import { noFindingsText, smartChecks, type DateContext, type Finding } from '@okr/shared/review';
import type { KeyResult, Objective } from '@okr/shared/schema';
import { useRoom } from '../../sync/RoomContext.tsx';
import { ConfidenceVote } from './ConfidenceVote.tsx';
import { FindingList } from './FindingList.tsx';
import { KeyResultFacts, KeyResultFields } from './KeyResultFields.tsx';
import { SmartChips } from './SmartChips.tsx';
import { TitleSuggestions } from './TitleSuggestions.tsx';
import { SavingInput } from './fields.tsx';
import { parseTextInput } from './fieldParsing.ts';
import { titleSuggestions } from './suggestions.ts';
import { keyResultCardId } from './focusKeyResult.ts';
import type { TargetFindings } from './reviewBoard.ts';

type Props = {
  kr: KeyResult;
  index: number;
  findings: TargetFindings;
  dates: DateContext;
  /** THE objective with only the context links that still exist, for SMART "Relevant". */
  objective: Pick<Objective, 'contextIds'> | null;
  revealed: boolean;
  canEdit: boolean;
  /** Deletes the card (with Undo in its place); absent when this person may not. */
  onDelete?: () => void;
};

/** One key result: its fields (or their values), SMART chips, title suggestions, then votes and findings beside it. */
export function KeyResultCard({ kr, index, findings, dates, objective, revealed, canEdit, onDelete }: Props) {
  const room = useRoom();
  const smart = useMemo(
    () => smartChecks(kr, { cycle: { start: dates.cycleStart ?? null, end: dates.cycleEnd ?? null }, objective, ...(dates.year !== undefined ? { year: dates.year } : {}) }),
    [kr, dates, objective],
  );
  const suggestions = useMemo(() => (canEdit ? titleSuggestions(kr, dates) : []), [kr, dates, canEdit]);

  const moveToInitiatives = (finding: Finding) =>
    finding.rule === 'kr-is-initiative' ? (
      <button type="button" onClick={() => room.board.keyResults.has(kr.id) && room.board.moveKeyResultToInitiatives(kr.id)} aria-label={`Move "${kr.title}" to initiatives`}>
        Move to initiatives
      </button>
    ) : null;

  return (
    <li className="card kr-card" id={keyResultCardId(kr.id)} tabIndex={-1} aria-label={kr.title}>
      <div className="kr-main">
        <div className="kr-head">
          <span className="kr-number">KR {index + 1}</span>
          {canEdit ? (
            <SavingInput
              label="Key result"
              className="kr-title-field"
              value={kr.title}
              parse={(t) => parseTextInput(t, { required: 'A key result needs its words — to remove it, use Delete.', max: 500 })}
              save={(title) => title && room.board.update(room.board.keyResults, kr.id, { title })}
              input={{ maxLength: 500 }}
              multiline
            />
          ) : (
            <h3 className="kr-title">{kr.title}</h3>
          )}
          {onDelete && (
            <button type="button" className="kr-delete" onClick={onDelete} aria-label={`Delete "${kr.title}"`}>
              Delete
            </button>
          )}
        </div>
        <SmartChips result={smart} />
        {canEdit && <TitleSuggestions kr={kr} suggestions={suggestions} />}
        {canEdit ? <KeyResultFields kr={kr} /> : <KeyResultFacts kr={kr} />}
      </div>
      <div className="kr-side">
        <ConfidenceVote kr={kr} revealed={revealed} canVote={canEdit} canFacilitate={canEdit && room.isFacilitator} />
        <FindingList label={`Checks for "${kr.title}"`} findings={findings} canEdit={canEdit} subject={kr.title} action={canEdit ? moveToInitiatives : undefined} emptyText={noFindingsText(smart)} />
      </div>
    </li>
  );
}

import { KR_TYPE_LABELS, LEAD_LAG_LABELS, levelsPhrase } from '@okr/shared/export';
import { KR_DIRECTION_LABELS, KR_DIRECTIONS, KR_TYPES, LEAD_LAG, type KeyResult } from '@okr/shared/schema';
import { ownerLabel, parseOwnerInput } from '@okr/shared/workshop';
import { useRoom } from '../../sync/RoomContext.tsx';
import { Fact, SavingInput, SavingSelect } from './fields.tsx';
import { parseDateInput, parseEmailInput, parseNumberInput, parseOwnerNameInput, parseTextInput } from './fieldParsing.ts';

const TYPE_OPTIONS = KR_TYPES.map((value) => ({ value, label: KR_TYPE_LABELS[value] }));
const DIRECTION_OPTIONS = KR_DIRECTIONS.map((value) => ({ value, label: KR_DIRECTION_LABELS[value] }));
const LEAD_LAG_OPTIONS = LEAD_LAG.map((value) => ({ value, label: LEAD_LAG_LABELS[value] }));

/** The name box's text as a patch: an address typed with the name fills the email too; a plain name leaves the email alone. */
function ownerFromNameBox(text: string | undefined): Partial<KeyResult> {
  const typed = parseOwnerInput(text ?? '');
  return typed.ownerEmail ? { ownerName: typed.ownerName, ownerEmail: typed.ownerEmail } : { ownerName: typed.ownerName };
}

const formatNumber = (value: number | undefined) => (value === undefined ? '' : String(value));

/** The structured key result: every field saves on its own, so two people can fill one card at once. */
export function KeyResultFields({ kr }: { kr: KeyResult }) {
  const room = useRoom();
  const save = (patch: Partial<KeyResult>) => room.board.update(room.board.keyResults, kr.id, patch);
  // No numeric keypad: iOS's has no minus sign, and baselines such as an NPS of -5 are real.
  const numberInput = { autoComplete: 'off' };
  return (
    <div className="kr-fields">
      <fieldset className="kr-group">
        <legend>Metric</legend>
        <div className="kr-group-grid">
          <SavingInput label="Metric name" className="span-2" value={kr.metricName} parse={(t) => parseTextInput(t, { max: 200 })} save={(metricName) => save({ metricName })} input={{ maxLength: 200, placeholder: 'e.g. Checkout conversion rate' }} />
          <SavingInput label="Unit" value={kr.unit} parse={(t) => parseTextInput(t, { max: 40 })} save={(unit) => save({ unit })} input={{ maxLength: 40, placeholder: '%, €, ms, users…' }} />
          <SavingSelect label="Type" value={kr.type} options={TYPE_OPTIONS} save={(type) => save({ type })} />
        </div>
      </fieldset>
      <fieldset className="kr-group">
        <legend>Levels</legend>
        <div className="kr-group-grid">
          <SavingSelect label="Direction" value={kr.direction} options={DIRECTION_OPTIONS} save={(direction) => save({ direction })} />
          <SavingInput label="Baseline" value={kr.baseline} format={formatNumber} parse={parseNumberInput} save={(baseline) => save({ baseline })} input={{ ...numberInput, placeholder: 'today' }} />
          <SavingInput label="Target" value={kr.target} format={formatNumber} parse={parseNumberInput} save={(target) => save({ target })} input={{ ...numberInput, placeholder: 'by the deadline' }} />
          <SavingInput label="Deadline" value={kr.deadline} parse={parseDateInput} save={(deadline) => save({ deadline })} input={{ type: 'date' }} />
        </div>
      </fieldset>
      <fieldset className="kr-group">
        <legend>Ownership</legend>
        <div className="kr-group-grid">
          <SavingInput label="Owner" value={kr.ownerName} parse={parseOwnerNameInput} save={(text) => save(ownerFromNameBox(text))} input={{ maxLength: 200, autoComplete: 'off', placeholder: 'One person' }} />
          <SavingSelect label="Leading or lagging" value={kr.leadLag} options={LEAD_LAG_OPTIONS} save={(leadLag) => save({ leadLag })} />
          <SavingInput
            label="Owner email"
            className="span-2"
            value={kr.ownerEmail}
            parse={parseEmailInput}
            save={(ownerEmail) => save({ ownerEmail })}
            input={{ type: 'email', autoComplete: 'off', placeholder: 'optional — OKR tools match by it' }}
          />
        </div>
      </fieldset>
    </div>
  );
}

/** The same fields as text, for read-only views and the projector. */
export function KeyResultFacts({ kr }: { kr: KeyResult }) {
  const none = <span className="muted">—</span>;
  return (
    <dl className="kr-facts">
      <Fact label="Metric">{kr.metricName ? `${kr.metricName}${kr.unit ? ` (${kr.unit})` : ''}` : none}</Fact>
      <Fact label="Type">{kr.type ? KR_TYPE_LABELS[kr.type] : none}</Fact>
      <Fact label="Direction">{kr.direction ? KR_DIRECTION_LABELS[kr.direction] : none}</Fact>
      <Fact label="Baseline → target">{levelsPhrase(kr) ?? none}</Fact>
      <Fact label="Deadline">{kr.deadline ?? none}</Fact>
      <Fact label="Owner">{ownerLabel({ name: kr.ownerName, email: kr.ownerEmail }) ?? none}</Fact>
      <Fact label="Leading or lagging">{kr.leadLag ? LEAD_LAG_LABELS[kr.leadLag] : none}</Fact>
    </dl>
  );
}

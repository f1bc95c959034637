import { dateContextFor } from '../review/context.ts';
import { effectiveKeyResult } from '../review/effectiveKeyResult.ts';
import { listFields, missingFields, type KeyResultField } from '../review/keyResultGaps.ts';
import { quote } from '../review/rules/targets.ts';
import type { KeyResult, Workshop } from '../schema/index.ts';

/** What the gate before the Summary asks of every key result; a missing number shows as its baseline and target. */
const GATE_FIELDS: readonly KeyResultField[] = ['baseline', 'target', 'deadline', 'owner'];

/** `cardName` is how the line names the card: `KR 2 "Churn"`. */
export type IncompleteKeyResult = { message: string; keyResultId: string; cardName: string; missing: KeyResultField[] };

/**
 * Key results the room has not finished, one line each naming the card and exactly what it lacks:
 * `KR 2 "Churn from 5% to 3%": add an owner.` Reads the card as its SMART chips and findings do
 * (fields, else the title's words; the cycle end standing in for a deadline), so the gate never
 * calls missing what a card shows as passed.
 */
export function incompleteKeyResults(
  keyResults: readonly KeyResult[],
  workshop: Pick<Workshop, 'cycleStart' | 'cycleEnd' | 'cycleLabel'> = {},
  year?: number,
): IncompleteKeyResult[] {
  const dates = dateContextFor({ start: workshop.cycleStart, end: workshop.cycleEnd, label: workshop.cycleLabel }, year);
  return keyResults.flatMap((kr, index) => {
    const missing = missingFields(effectiveKeyResult(kr, dates), workshop.cycleEnd).filter((field) => GATE_FIELDS.includes(field));
    if (missing.length === 0) return [];
    const cardName = `KR ${index + 1} ${quote(kr.title)}`;
    return [{ message: `${cardName}: add ${listFields(missing)}.`, keyResultId: kr.id, cardName, missing }];
  });
}

/** The most fingers a vote can show: confidence is stored as fingers / 5. */
export const CONFIDENCE_SCALE = 5;

/**
 * The room's confidence in a key result: the mean of the blind votes, to a tenth of a finger (the
 * precision the room reads it in). Rounded to two decimals first, votes of 3, 4 and 3 kept 0.67,
 * which reads back as "3.4 / 5" for a mean of 3.33.
 * @example averageConfidence([0.6, 0.8, 0.6]) // → 0.66, "3.3 / 5"
 */
export function averageConfidence(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const tenths = CONFIDENCE_SCALE * 10;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * tenths) / tenths;
}

/** Fist of five: 0 to 5 fingers map onto 0 to 1. */
export const FIST_OF_FIVE = [0, 1, 2, 3, 4, 5].map((fingers) => ({ fingers, value: fingers / CONFIDENCE_SCALE }));

export type KeptConfidence = { keyResultId: string; confidence: number };

/**
 * What "Keep all" writes: each revealed key result whose average of votes differs from the
 * confidence it keeps. Key results nobody voted on, or still blind, are left alone.
 */
export function averagesToKeep(
  keyResults: readonly { id: string; confidence?: number }[],
  votesFor: (keyResultId: string) => readonly { value: number }[],
  revealed: Readonly<Record<string, boolean>>,
): KeptConfidence[] {
  return keyResults.flatMap((kr) => {
    if (!revealed[kr.id]) return [];
    const average = averageConfidence(votesFor(kr.id).map((vote) => vote.value));
    return average === undefined || average === kr.confidence ? [] : [{ keyResultId: kr.id, confidence: average }];
  });
}

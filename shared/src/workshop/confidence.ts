/** The room's confidence in a key result: the mean of the blind votes, to two decimals. */
export function averageConfidence(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Fist of five: 0 to 5 fingers map onto 0 to 1. */
export const FIST_OF_FIVE = [0, 1, 2, 3, 4, 5].map((fingers) => ({ fingers, value: fingers / 5 }));

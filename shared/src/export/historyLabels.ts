/** Why the server kept a version of a board, as History (and `okr history`) says it. */
export const VERSION_REASON_LABELS = {
  step: 'Step changed',
  reveal: 'Reveal',
  deletion: 'Before a big deletion',
  periodic: 'While working',
  restore: 'Before a restore',
} as const;
export type VersionReasonName = keyof typeof VERSION_REASON_LABELS;

/** "+3 −11", or "no card changes": what a version changed against the one before it. */
export function cardChangePhrase({ added, removed }: { added: number; removed: number }): string {
  if (added === 0 && removed === 0) return 'no card changes';
  return [added > 0 ? `+${added}` : '', removed > 0 ? `−${removed}` : ''].filter(Boolean).join(' ');
}

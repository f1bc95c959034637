import { CONTEXT_KIND_LABELS, type ContextKind } from '../schema/index.ts';

/**
 * A context card's text without its kind written in front, for places that show the kind beside it:
 * "Company objective: grow repeat purchases" under "Company objective" reads "grow repeat purchases".
 */
export function withoutKindPrefix(kind: ContextKind, text: string): string {
  const label = CONTEXT_KIND_LABELS[kind].replace(/[-\s]+/g, '[-\\s]+');
  const stripped = text.replace(new RegExp(`^\\s*${label}\\s*[:\\-–—]\\s*`, 'i'), '');
  return stripped.trim() ? stripped : text;
}

/** "Company objective: grow repeat purchases", never with the kind written twice. */
export function contextLine(kind: ContextKind, text: string): string {
  return `${CONTEXT_KIND_LABELS[kind]}: ${withoutKindPrefix(kind, text)}`;
}

import { isoDateSchema, keyResultSchema } from '@okr/shared/schema';
import { parseOwnerInput } from '@okr/shared/workshop';

/** What a form field's text means: a value to save (`undefined` clears the field), or why nothing was saved. */
export type Parsed<T> = { ok: true; value: T | undefined } | { ok: false; error: string };

const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** `"58"`, `"-3.5"`, `"1,200"`, `"1 200"` → a number; `""` → cleared; `"3,5"` or `"58%"` → an error to show. */
export function parseNumberInput(text: string): Parsed<number> {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (compact === '') return { ok: true, value: undefined };
  const plain = THOUSANDS.test(compact) ? compact.replace(/,/g, '') : compact;
  const value = Number(plain);
  if (!PLAIN.test(plain) || !Number.isFinite(value)) {
    return { ok: false, error: 'Write a number such as 58, 1200 or 3.5 (a point for decimals; the unit has its own field).' };
  }
  return { ok: true, value };
}

/** `""` → cleared; otherwise it must be an address OKR tools can match people by. */
export function parseEmailInput(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!keyResultSchema.shape.ownerEmail.safeParse(trimmed).success) {
    return { ok: false, error: 'That is not an email address — write it like ana@example.com, or leave it empty.' };
  }
  return { ok: true, value: trimmed };
}

/** Trimmed text; blank clears the field unless it is `required`. */
export function parseTextInput(text: string, options: { required?: string; max?: number } = {}): Parsed<string> {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed === '') return options.required ? { ok: false, error: options.required } : { ok: true, value: undefined };
  if (options.max !== undefined && trimmed.length > options.max) return { ok: false, error: `Keep it to ${options.max} characters.` };
  return { ok: true, value: trimmed };
}

/** A date input's value: `YYYY-MM-DD`, or blank to clear. */
export function parseDateInput(text: string): Parsed<string> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!isoDateSchema.safeParse(trimmed).success) return { ok: false, error: 'Pick a date, or write it as YYYY-MM-DD.' };
  return { ok: true, value: trimmed };
}

/** An owner's name box: a name, or a name with an address ("Ana Lima <ana@example.com>") that saves as both. */
export function parseOwnerNameInput(text: string): Parsed<string> {
  const parsed = parseTextInput(text, { max: 200 });
  if (parsed.ok && (parseOwnerInput(parsed.value ?? '').ownerName?.length ?? 0) > 120) return { ok: false, error: 'Keep the name to 120 characters.' };
  return parsed;
}

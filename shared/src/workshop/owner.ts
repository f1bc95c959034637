import { personSchema } from '../schema/common.ts';

/** Someone owns it: a name, or an email alone (OKR tools match people by email). */
export function hasOwner(record: { ownerName?: string | undefined; ownerEmail?: string | undefined }): boolean {
  return Boolean(record.ownerName?.trim() || record.ownerEmail?.trim());
}

/** An owner as the board stores it: each part present only when known. */
export type OwnerFields = { ownerName?: string; ownerEmail?: string };

const isEmail = (text: string) => personSchema.shape.email.safeParse(text).success;

// "Ana Lima <ana@example.com>", "Ana Lima (ana@example.com)", "<ana@example.com>".
const BRACKETED = /^(.*?)[\s,;]*[<([]\s*([^<>()[\]\s]+@[^<>()[\]\s]+)\s*[>)\]]$/;
// "Ana Lima ana@example.com", "Ana Lima, ana@example.com", "ana@example.com".
const TRAILING = /^(.*?)[\s,;]*(\S+@\S+)$/;

/**
 * What someone typed in an owner's name box, as a name and an email: `"Ana Lima <ana@example.com>"`
 * → `{ ownerName: "Ana Lima", ownerEmail: "ana@example.com" }`, `"ana@example.com"` → the email
 * alone, `"Ana Lima"` → the name alone. Text whose address is not valid stays a name, as typed.
 */
export function parseOwnerInput(text: string): OwnerFields {
  const typed = text.replace(/\s+/g, ' ').trim();
  const match = BRACKETED.exec(typed) ?? TRAILING.exec(typed);
  const email = match?.[2];
  if (!match || !email || !isEmail(email)) return typed ? { ownerName: typed } : {};
  const name = (match[1] ?? '').trim().replace(/^"(.*)"$/, '$1').trim();
  return name ? { ownerName: name, ownerEmail: email } : { ownerEmail: email };
}

/**
 * A name box and an email box read together: an address typed in the name box fills an empty email
 * box; an email box that is not an address is an error to show, and nothing is saved.
 */
export function readOwnerFields(nameText: string, emailText: string): { ok: true; owner: OwnerFields } | { ok: false; error: string } {
  const fromName = parseOwnerInput(nameText);
  const typedEmail = emailText.trim();
  if (typedEmail && !isEmail(typedEmail)) return { ok: false, error: 'That is not an email address — write it like ana@example.com, or leave it empty.' };
  const ownerEmail = typedEmail || fromName.ownerEmail;
  // Both boxes hold an address: the name box keeps only the name part.
  const owner: OwnerFields = { ...(fromName.ownerName ? { ownerName: fromName.ownerName } : {}), ...(ownerEmail ? { ownerEmail } : {}) };
  return { ok: true, owner };
}

/** "Ana Lima (ana@example.com)", "Ana Lima", "ana@example.com"; `undefined` when nobody is named. */
export function ownerLabel(owner: { name?: string | undefined; email?: string | undefined } | null | undefined): string | undefined {
  const name = owner?.name?.trim();
  const email = owner?.email?.trim();
  if (name && email) return `${name} (${email})`;
  return name || email || undefined;
}

/** Someone owns it: a name, or an email alone (OKR tools match people by email). */
export function hasOwner(record: { ownerName?: string | undefined; ownerEmail?: string | undefined }): boolean {
  return Boolean(record.ownerName?.trim() || record.ownerEmail?.trim());
}

/** Today as a calendar day where the person is, `YYYY-MM-DD`: revisit dates are days, not instants. */
export function localDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A parked item whose revisit day is before today: it was meant to come back already. */
export function isRevisitOverdue(revisitDate: string | null | undefined, today: string): boolean {
  return Boolean(revisitDate) && (revisitDate as string) < today;
}

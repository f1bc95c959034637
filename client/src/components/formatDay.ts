/**
 * A calendar day as people read it ("30 Sept 2026" or "Sep 30, 2026", in the reader's locale), from
 * the `YYYY-MM-DD` the document stores; anything else is shown as written. Read at local noon, so
 * no time zone moves the day.
 */
export function formatDay(isoDay: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? new Date(`${isoDay}T12:00:00`) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? isoDay : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

const CURRENCY_SYMBOL = /^[$€£¥]$/;

/** `58` + `%` → `58%`, `1500000` + `$` → `$1,500,000`, `3.2` + `s` → `3.2 s`: how messages and summaries show numbers. */
export function formatQuantity(value: number, unit?: string | null): string {
  const digits = Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: 6 });
  const sign = value < 0 ? '-' : '';
  if (!unit) return `${sign}${digits}`;
  if (unit === '%') return `${sign}${digits}%`;
  if (CURRENCY_SYMBOL.test(unit)) return `${sign}${unit}${digits}`;
  return `${sign}${digits} ${unit}`;
}

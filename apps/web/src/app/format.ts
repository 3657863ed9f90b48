// Display helpers: dates and numbers in the interface language (timestamps are UTC ISO strings).

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** A timestamp as a local date and time in the given language ("—" when absent or unreadable). */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format.format(date);
}

/** A whole number with the language's grouping. */
export function formatNumber(value: number | null | undefined, locale: string): string {
  return value === null || value === undefined ? '—' : new Intl.NumberFormat(locale).format(value);
}

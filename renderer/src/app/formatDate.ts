/** One formatter for the app's lifetime: building one per call is what makes dates slow. */
const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** A date for people, in their locale ("27 Nov 2026"); the input as it is when it is not a date. */
export function formatDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return DATE_FORMAT.format(date);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?/;

/**
 * An ISO 8601 date as people read it, e.g. "3 May 2025, 14:05 UTC", the same on every machine
 * (no locale, no time-zone conversion). Anything that is not ISO 8601 comes back as it was.
 */
export function formatDate(value: string, isTimeShown = true): string {
  const match = ISO_DATE.exec(value);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return value;
  const date = `${Number(match[3])} ${month} ${match[1]}`;
  if (!isTimeShown || match[4] === undefined) return date;
  const zone = match[6] === undefined ? '' : match[6] === 'Z' ? ' UTC' : ` ${match[6]}`;
  return `${date}, ${match[4]}:${match[5]}${zone}`;
}

/** Whether a value is an ISO 8601 date a `<time datetime>` attribute can carry. */
export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value);
}

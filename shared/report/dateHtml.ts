import { escapeHtml } from './escapeHtml';
import { formatDate, isIsoDate } from './formatDate';

/** A date as a `time` element when it is ISO 8601, else as plain text; escaped either way. */
export function dateHtml(value: string): string {
  const text = escapeHtml(formatDate(value));
  return isIsoDate(value) ? `<time datetime="${escapeHtml(value)}">${text}</time>` : text;
}

/**
 * The schemes a report links to. Importers already drop other links; the report checks again
 * because it is the last step before a browser sees the address.
 */
const SAFE_SCHEME = /^(?:https?:\/\/|mailto:)/i;

/** The address when it starts with http://, https:// or mailto:, else null (the link is dropped). */
export function safeHref(href: string | undefined): string | null {
  return href !== undefined && SAFE_SCHEME.test(href) ? href : null;
}

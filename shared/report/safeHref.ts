import { isLinkProtocol } from '../security/linkSchemes';

/**
 * How a link a report shows must begin, as written: the browser reads the text itself, so a
 * scheme the URL parser would find only after trimming or resolving does not count.
 */
const ABSOLUTE_LINK = /^(?:https?:\/\/|mailto:)/i;

/**
 * The address when it is written as an absolute http://, https:// or mailto: link that the URL
 * parser reads the same way, else null (the link is dropped). Importers already drop other links;
 * reports and the editor check again because they are the last step before a browser sees it.
 */
export function safeHref(href: string | undefined): string | null {
  if (href === undefined || !ABSOLUTE_LINK.test(href)) return null;
  try {
    return isLinkProtocol(new URL(href).protocol) ? href : null;
  } catch {
    return null;
  }
}

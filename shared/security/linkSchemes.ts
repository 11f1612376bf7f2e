/**
 * The only schemes Margin lets a link have, anywhere: in an article, a report, or handed to the
 * system to open. Web pages and e-mail; never script, data, file or an app's own scheme.
 */
const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/** Whether a URL's protocol, as the URL parser reads it ("https:"), is one a link may have. */
export function isLinkProtocol(protocol: string): boolean {
  return LINK_PROTOCOLS.has(protocol);
}

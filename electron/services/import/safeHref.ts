import { isLinkProtocol } from '../../../shared/security/linkSchemes';

/**
 * A link address made absolute against `baseUrl`, or null unless it is http:, https: or mailto:,
 * so script, data and file addresses never reach an article.
 */
export function safeHref(href: string | null, baseUrl: string | null): string | null {
  if (href === null || href.trim() === '') return null;
  try {
    const url = baseUrl === null ? new URL(href) : new URL(href, baseUrl);
    return isLinkProtocol(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

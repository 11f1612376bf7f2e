import { isWindowsDeviceName } from './windowsDeviceName';

/** The page a request for the bundle's root gets. */
export const BUNDLE_INDEX = 'index.html';

// Characters no file of the built renderer has in its path, and which only an attack would send:
// controls (NUL among them), backslashes (a separator on Windows), colons (drive letters, streams).
const FORBIDDEN = /[\p{Cc}\\:]/u;

/**
 * The path of a file inside the built renderer that a URL path asks for, relative to the bundle
 * and joined by '/', or null when the request could reach outside it or is malformed. The path is
 * percent-decoded once. A '..' segment (or one Windows reads as '..', such as '.. ' or '...'), a
 * control character, a backslash, a colon or a Windows device name (`con`, `nul.js`) refuses it,
 * so no encoding or separator trick climbs out and no request reaches a device. Empty and '.'
 * segments are dropped, so '/' and '//' ask for index.html. The desktop's `app:` protocol and
 * `margin serve` both resolve requests through this.
 */
export function bundlePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (FORBIDDEN.test(decoded)) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => isClimbing(segment) || isWindowsDeviceName(segment))) return null;
  return segments.length === 0 ? BUNDLE_INDEX : segments.join('/');
}

/** Whether a segment is only dots and spaces beyond a single dot: '..', and what Windows trims to it. */
function isClimbing(segment: string): boolean {
  return /^[. ]+$/.test(segment) && segment !== '.';
}

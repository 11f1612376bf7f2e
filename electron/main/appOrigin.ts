/** The scheme the desktop app loads its own files from; never `file:`, whose pages get privileges. */
export const APP_SCHEME = 'app';

/** The one host of the `app:` scheme: the built renderer. */
export const APP_HOST = 'margin';

/** The address of the workbench page in the desktop app. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The URL path an `app:` request asks for, or null when the request is for another scheme or
 * host. Which file that path names is `bundleFile`'s to decide.
 */
export function appRequestPath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return parsed.pathname;
}

/**
 * Whether a frame's address is the workbench page: the built page at `app://margin/index.html`,
 * or in development the dev server's page at `developmentUrl`. Only that frame may call the API.
 */
export function isWorkbenchPage(url: string, developmentUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (developmentUrl !== undefined) return parsed.origin === new URL(developmentUrl).origin;
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}` === APP_PAGE_URL;
}

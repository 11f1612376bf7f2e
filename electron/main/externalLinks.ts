/** The only schemes Margin hands to the system to open: web pages and e-mail. */
const EXTERNAL_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** Whether a link may be opened outside the app (in the user's browser or mail program). */
export function isOpenableExternally(url: string): boolean {
  try {
    return EXTERNAL_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

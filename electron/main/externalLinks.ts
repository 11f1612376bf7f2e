import { isLinkProtocol } from '../../shared/security/linkSchemes';

/** Whether a link may be opened outside the app (in the user's browser or mail program). */
export function isOpenableExternally(url: string): boolean {
  try {
    return isLinkProtocol(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** What a window does when its page asks to go to a URL. */
export type NavigationDecision = 'allow' | 'stay' | 'open-externally';

/**
 * Where the workbench window goes when its page navigates to `url`: it stays on the workbench
 * (reloading its own page is the one navigation allowed), and a link the user followed opens in
 * the system only when its scheme is on the allow-list.
 */
export function decideNavigation(url: string, currentUrl: string): NavigationDecision {
  if (url === currentUrl) return 'allow';
  return isOpenableExternally(url) ? 'open-externally' : 'stay';
}

/** What happens when the page asks for a new window: none opens; an allowed link opens outside. */
export function decideWindowOpen(url: string): Exclude<NavigationDecision, 'allow'> {
  return isOpenableExternally(url) ? 'open-externally' : 'stay';
}

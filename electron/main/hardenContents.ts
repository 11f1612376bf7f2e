import { shell, type WebContents } from 'electron';
import { decideNavigation, decideWindowOpen } from './externalLinks';

/**
 * Keeps a window on the workbench: it may not navigate away or open windows; links the user
 * follows open in the system browser when their scheme is on the allow-list, and nowhere else.
 * The decisions are `decideNavigation` and `decideWindowOpen`; this only wires them in.
 */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url) === 'open-externally') void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, contents.getURL());
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-externally') void shell.openExternal(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

import { shell, type WebContents } from 'electron';
import { isOpenableExternally } from './externalLinks';

/**
 * Keeps a window on the workbench: it may not navigate away or open windows; links the user
 * follows open in the system browser when their scheme is on the allow-list, and nowhere else.
 */
export function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) {
      event.preventDefault();
      if (isOpenableExternally(url)) void shell.openExternal(url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

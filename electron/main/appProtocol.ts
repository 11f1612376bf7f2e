import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { bundleFile } from '../services/bundleFile';
import { APP_SCHEME, appRequestPath } from './appOrigin';

/**
 * Declares the `app:` scheme before the app is ready: a standard, secure scheme (so the page has
 * an origin, `'self'` in its policy means the bundle, and `fetch` works), with no service workers
 * and no access to other schemes.
 */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false },
    },
  ]);
}

/**
 * Serves `app://margin/…` from the built renderer in `root`, and nothing outside it: a request
 * whose path would leave the bundle, or for another host, is answered 404.
 */
export function serveAppScheme(root: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const path = appRequestPath(request.url);
    const file = path === null ? null : bundleFile(root, path);
    if (file === null) return new Response('Not found', { status: 404 });
    return net.fetch(pathToFileURL(file).toString()).catch(() => new Response('Not found', { status: 404 }));
  });
}

import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { bundleFile } from '../../services/bundleFile';
import { SECURITY_HEADERS } from './securityHeaders';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/**
 * Serves a file of the built renderer. The path is decoded and resolved inside `root`, and
 * anything that would leave it (`..`, encoded dots, NUL, backslashes) is answered 404.
 */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const file = bundleFile(root, urlPath);
  const body = file ? await readFile(file).catch(() => undefined) : undefined;
  if (!file || !body) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const isPage = extname(file) === '.html';
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': isPage ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  response.end(body);
}

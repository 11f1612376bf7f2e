import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Services } from '../../../shared/api';
import { handleApiRequest } from './handleApiRequest';
import { hasToken, isAllowedHost, isAllowedOrigin } from './requestGuards';
import { SECURITY_HEADERS } from './securityHeaders';
import { serveStatic } from './serveStatic';

/** How to start the web host. */
export interface WebHostOptions {
  services: Services;
  /** The built renderer (index.html and its assets). */
  staticDirectory: string;
  /** The port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** The API token; a random one is made when omitted. */
  token?: string;
}

/** A running web host. */
export interface WebHost {
  /** The address to open, the token in its fragment (never sent to the server, never logged). */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Serves the workbench to a browser: the built renderer, and the contract's API over HTTP. It
 * listens on 127.0.0.1 only, and every API request must carry the per-launch token and come from
 * this server's own origin and host name.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = options.port ?? 0;
  const server = createServer((request, response) => {
    respond(request, response, { ...options, token, port }).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function respond(
  request: IncomingMessage,
  response: ServerResponse,
  context: WebHostOptions & { token: string; port: number },
): Promise<void> {
  const port = (request.socket.localPort ?? context.port) as number;
  if (!isAllowedHost(request, port)) {
    return sendJson(response, 421, {
      ok: false,
      error: { code: 'unauthorized', message: 'This server only answers to 127.0.0.1 and localhost.' },
    });
  }
  const path = targetPath(request.url);
  if (!path.startsWith('/api/')) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, null);
    return serveStatic(context.staticDirectory, path, response);
  }
  if (!isAllowedOrigin(request, port) || !hasToken(request, context.token)) {
    request.resume();
    return sendJson(response, 401, {
      ok: false,
      error: {
        code: 'unauthorized',
        message:
          'This request lacks the token of this Margin session; open the address `margin serve` printed.',
      },
    });
  }
  const answer = await handleApiRequest(request, path, context.services);
  sendJson(response, answer.status, answer.envelope);
}

/**
 * The path of a request's target, without its query. The target is cut, never parsed as a URL:
 * parsed, '//secret' would name a host and lose its path.
 */
function targetPath(target = '/'): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

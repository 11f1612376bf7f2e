import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The host names the web host answers to: loopback only, so no other machine can reach it. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

/**
 * Whether the Host header names this server on loopback. Refusing any other host defeats DNS
 * rebinding, where a foreign page's own host name is made to resolve to 127.0.0.1.
 */
export function isAllowedHost(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host !== undefined && LOOPBACK_NAMES.some((name) => host === `${name}:${port}`);
}

/** Whether the Origin header, when a browser sends one, is this server itself. */
export function isAllowedOrigin(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return LOOPBACK_NAMES.some((name) => origin === `http://${name}:${port}`);
}

/** Whether the request carries the per-launch token as `Authorization: Bearer …`. */
export function hasToken(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const presented = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

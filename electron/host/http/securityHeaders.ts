import { RENDERER_CONTENT_SECURITY_POLICY } from '../../../shared/security/contentSecurityPolicy';

/** The renderer's policy, plus a rule only a header can carry: no page may frame the workbench. */
export const CONTENT_SECURITY_POLICY = `${RENDERER_CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Headers sent with every response of the web host. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

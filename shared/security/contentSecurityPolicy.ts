/**
 * The renderer's Content Security Policy, the same in the desktop app (a meta tag written into
 * index.html at build time) and in the browser (a header from `margin serve`): scripts and styles
 * only from the app's own files (no inline script, no eval), requests only to itself, no plugins,
 * no base or form targets.
 */
export const RENDERER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

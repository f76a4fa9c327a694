// The renderer's Content Security Policy: its own scripts and styles only, no remote anything.
// The browser-mode server sends it as a header, Electron applies it to every response, and the
// build writes it into index.html.

const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
];

export const CONTENT_SECURITY_POLICY = [...DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/** The same policy for a `<meta>` tag, where `frame-ancestors` is not allowed. */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.join('; ');

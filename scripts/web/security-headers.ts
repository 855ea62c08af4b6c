import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Security headers on every response of the web server — pages, route handlers, feeds, Next's static files,
 * errors and redirects alike — set here in front of Next rather than in proxy.ts, whose matcher skips assets.
 *
 * Scripts run only with this request's nonce ('strict-dynamic' lets Next's own chunks load further chunks): no
 * 'unsafe-inline' for scripts. Next reads the nonce from the request's Content-Security-Policy header and puts it
 * on every script it renders, so the header is set on the request too (a client's own CSP request header is
 * replaced). Styles may be inline (React style attributes); images may come from https (the logo setting).
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(nonce),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    // Tokens live in some URLs (reset links, feed addresses): never hand them to another site as a referrer.
    "referrer-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

/**
 * Before Next handles the request. HTTPS is our own TLS, or a trusted proxy's X-Forwarded-Proto (the forwarding
 * policy has already removed what an untrusted client claimed).
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, tls: boolean): void {
  const nonce = randomBytes(16).toString("base64");
  const https = tls || req.headers["x-forwarded-proto"] === "https";
  const headers = securityHeaders(nonce, https);
  delete req.headers["content-security-policy-report-only"];
  req.headers["content-security-policy"] = headers["content-security-policy"];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

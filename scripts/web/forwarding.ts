import type { IncomingHttpHeaders } from "node:http";

/**
 * Which X-Forwarded-* headers the app may believe. The login limiter keys on the client address and Auth.js
 * takes the scheme and host from these headers, so a client talking to us directly must not be able to set
 * them. "loopback" (default) believes them only from a proxy on this machine (Caddy/nginx in front), "all"
 * from any peer (a proxy on another host), "none" never.
 */
export type TrustProxy = "loopback" | "all" | "none";

const FORWARDED = ["x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-real-ip"] as const;

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\./.test(v4);
}

/** Rewrites the request's forwarding headers in place, before Next sees them. */
export function applyForwardingPolicy(headers: IncomingHttpHeaders, peer: string | undefined, trust: TrustProxy, tls: boolean): void {
  const trusted = trust === "all" || (trust === "loopback" && isLoopback(peer));
  if (!trusted) for (const name of FORWARDED) delete headers[name];
  headers["x-forwarded-for"] ??= peer ?? "unknown";
  // On our own TLS socket the scheme is https whatever anybody says.
  if (tls) headers["x-forwarded-proto"] = "https";
}

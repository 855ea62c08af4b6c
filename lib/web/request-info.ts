import { env } from "@/lib/env";

/**
 * The client address for rate limiting. Next.js fills X-Forwarded-For with the socket address when no proxy
 * set it; behind a reverse proxy the last entry is the one the nearest proxy appended. A client can prepend
 * fake entries but not change the last one a trusted proxy adds.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return last || headers.get("x-real-ip") || "unknown";
}

/**
 * Origin for links in mails. AUTH_URL wins when configured, so a forged Host header cannot make the app
 * mail out reset links pointing elsewhere; without it the request's own host is used (development, demo).
 */
export function publicOrigin(headers: Headers): string {
  const configured = env().AUTH_URL;
  if (configured) return new URL(configured).origin;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? "localhost:3000";
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  return `${proto}://${host}`;
}

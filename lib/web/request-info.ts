/**
 * The client address for rate limiting. Next.js fills X-Forwarded-For with the socket address when no proxy
 * set it; behind a reverse proxy the last entry is the one the nearest proxy appended. A client can prepend
 * fake entries but not change the last one a trusted proxy adds.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1);
  return last || headers.get("x-real-ip") || "unknown";
}

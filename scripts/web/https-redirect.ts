/**
 * Where the plain-HTTP port sends a request: the same path on the space's configured public address (a setting,
 * see lib/domain/settings/public-url.ts), over HTTPS. Never the request's Host header: whoever sends a forged
 * Host would otherwise get a redirect to their own site under this server's name (cache poisoning, phishing).
 * A public address saved as http:// keeps its host name; the scheme becomes https on the port this server
 * serves HTTPS on.
 */
export function httpsRedirectLocation(publicUrl: string, httpsPort: number, requestPath: string | undefined): string {
  const base = new URL(publicUrl);
  const origin = base.protocol === "https:" ? base.origin : `https://${base.hostname}${httpsPort === 443 ? "" : `:${httpsPort}`}`;
  // Only a path (with its query) is appended; anything else (an absolute-form request target) becomes "/".
  const path = requestPath?.startsWith("/") ? requestPath : "/";
  return `${origin}${path.startsWith("//") ? `/${path.replace(/^\/+/, "")}` : path}`;
}

/** The public address, read through `load` at most every `ttlMs` (an admin's change arrives within that time). */
export function cachedPublicUrl(load: () => Promise<string>, fallback: string, ttlMs = 30_000): () => Promise<string> {
  let value = fallback;
  let readAt = 0;
  return async () => {
    if (Date.now() - readAt >= ttlMs) {
      try {
        value = await load();
      } catch {
        // The database is down: keep the last known address (or the first value from the environment).
      }
      readAt = Date.now();
    }
    return value;
  };
}

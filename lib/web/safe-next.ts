/**
 * Where to go after logging in. Only a path on this site: "//evil.example" or "/\\evil.example" would be read
 * by browsers as another host, so anything but a plain absolute path falls back to the home page.
 */
export function safeNextPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || value.length > 2_000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(value)) return fallback;
  if (value === "/login" || value.startsWith("/login?") || value.startsWith("/api/")) return fallback;
  return value;
}

/**
 * The login URL that comes back to `path` afterwards. `again`: the login form even for someone logged in (another
 * service asked for a fresh login: single sign-on's prompt=login or max_age).
 */
export function loginUrlFor(path: string | null | undefined, again = false): string {
  const next = safeNextPath(path, "");
  const query = [...(next && next !== "/home" ? [`next=${encodeURIComponent(next)}`] : []), ...(again ? ["again=1"] : [])];
  return query.length ? `/login?${query.join("&")}` : "/login";
}

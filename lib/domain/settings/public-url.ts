import { z } from "zod";
import type { Env } from "@/lib/env";

/**
 * The space's public address: where members' browsers, calendar apps and QR scanners reach the app. Every absolute
 * link the system hands out (mails, feeds, labels, SpaceAPI) is built from it and never from a request's Host or
 * X-Forwarded-* headers, which anyone can forge to have a reset link point at their own server.
 */

/** Only scheme, host and port: the app is served at the root of its origin. */
export function normalizePublicUrl(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || url.pathname !== "/") return null;
  if (!url.hostname) return null;
  return url.origin;
}

/** The settings form's field: an http(s) origin such as https://space.example.org or http://192.168.1.5:3000. */
export const publicUrlSchema = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v.replace(/\/+$/, ""))
  .refine((v) => normalizePublicUrl(v) !== null, "publicUrl")
  .transform((v) => normalizePublicUrl(v)!);

/** The first value before an admin saves one: PUBLIC_URL, then AUTH_URL's origin, then this machine's port. */
export function publicUrlFromEnv(e: Partial<Pick<Env, "PUBLIC_URL" | "AUTH_URL" | "PORT">>): string {
  for (const candidate of [e.PUBLIC_URL, e.AUTH_URL]) {
    const normal = candidate ? normalizePublicUrl(new URL(candidate).origin) : null;
    if (normal) return normal;
  }
  return `http://localhost:${e.PORT ?? 3000}`;
}

/** `path` ("/reset-password/abc") as an absolute URL under `base`. */
export function absoluteUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}

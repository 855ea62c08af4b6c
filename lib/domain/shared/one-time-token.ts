import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Secrets handed out once — mailed links (password reset, invitation, email change, sign-up and guest confirmation),
 * feed URLs, API and sensor tokens, client secrets: random, URL-safe, and stored only as their SHA-256, so a leaked
 * database backup opens nothing.
 */
export const newToken = (bytes = 32) => randomBytes(bytes).toString("base64url");

/** What is stored of a token: its SHA-256, hex. */
export const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Compares a presented token with a stored hash without leaking where they differ. */
export function tokenMatches(presented: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(tokenHash(presented), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Header of every delivery: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the hook's secret>`. */
export const SIGNATURE_HEADER = "x-makerspace-signature";

export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
}

export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signPayload(secret, timestamp, body)}`;
}

/**
 * What a receiver does (and the tests): the signature matches this exact body, and its timestamp is recent, so a
 * recorded delivery cannot be replayed later. Several v1 values are accepted (a rotation in progress).
 */
export function verifySignature(
  secret: string,
  header: string | null | undefined,
  body: string,
  opts: { now?: Date; toleranceSeconds?: number } = {},
): boolean {
  if (!header) return false;
  const parts = header.split(",").map((p) => p.trim().split("=", 2) as [string, string?]);
  const t = Number(parts.find(([k]) => k === "t")?.[1]);
  if (!Number.isSafeInteger(t)) return false;
  const now = (opts.now ?? new Date()).getTime() / 1000;
  if (Math.abs(now - t) > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signPayload(secret, t, body), "hex");
  return parts.some(([k, v]) => k === "v1" && v !== undefined && /^[0-9a-f]{64}$/.test(v) && timingSafeEqual(Buffer.from(v, "hex"), expected));
}

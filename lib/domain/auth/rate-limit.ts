import { createHash } from "node:crypto";
import { isIP } from "node:net";
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

export interface Limit {
  max: number;
  windowMinutes: number;
}

export interface RateKey {
  /** What is counted, e.g. "login.account_source", "reset.address". */
  kind: string;
  /** The address (or other subject) limited; "" for a per-source limit. Stored only as a hash. */
  subject?: string;
  /** The client's network (see sourceOf); "" for a per-subject limit. */
  source?: string;
}

/** Stored instead of the address: the row is useless for finding who is registered, and erasure can find it. */
export const subjectHash = (subject: string) => (subject ? createHash("sha256").update(subject.trim().toLowerCase()).digest("hex") : "");

/**
 * The network a request comes from, as limits count it: an IPv4 address, or an IPv6 /64 (one customer's
 * network: counting single IPv6 addresses would give an attacker 2^64 fresh sources).
 */
export function sourceOf(ip: string): string {
  const bare = ip.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  if (isIP(bare) !== 6) return bare || "unknown";
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = bare.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/**
 * Takes one attempt under `limit` for `key`, atomically (a single upsert: concurrent requests are serialised on
 * the row), and says whether it is within the limit. Refused attempts count too, so hammering does not help.
 */
export async function takeAttempt(db: Db, key: RateKey, limit: Limit, now = new Date()): Promise<{ allowed: boolean; retryAt: Date }> {
  const since = new Date(now.getTime() - limit.windowMinutes * 60_000);
  const expired = sql`${rateLimits.windowStart} <= ${since.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ kind: key.kind, subject: subjectHash(key.subject ?? ""), source: key.source ?? "", windowStart: now, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.kind, rateLimits.subject, rateLimits.source],
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  return { allowed: row!.count <= limit.max, retryAt: new Date(row!.windowStart.getTime() + limit.windowMinutes * 60_000) };
}

/** Gives attempts back (a login that succeeded is not a guess, nor were the owner's own typos before it). */
export async function refundAttempt(db: Db, key: RateKey, attempts = 1): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - ${attempts}, 0)` })
    .where(and(eq(rateLimits.kind, key.kind), eq(rateLimits.subject, subjectHash(key.subject ?? "")), eq(rateLimits.source, key.source ?? "")));
}

/** Forgets the counter, e.g. an account's failures from one source after it logged in there; says how many it held. */
export async function clearAttempts(db: Db, key: RateKey): Promise<number> {
  const [row] = await db
    .delete(rateLimits)
    .where(and(eq(rateLimits.kind, key.kind), eq(rateLimits.subject, subjectHash(key.subject ?? "")), eq(rateLimits.source, key.source ?? "")))
    .returning({ count: rateLimits.count });
  return row?.count ?? 0;
}

/** Erasure and password resets: every counter about these addresses, from any source. */
export async function clearAttemptsFor(db: Db, subjects: string[]): Promise<void> {
  if (subjects.length) await db.delete(rateLimits).where(inArray(rateLimits.subject, subjects.map(subjectHash)));
}

/** Counters whose window ended a day ago are dead weight (the daily retention purge). */
export async function purgeOldAttempts(db: Db, now = new Date()): Promise<number> {
  const rows = await db
    .delete(rateLimits)
    .where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)))
    .returning({ kind: rateLimits.kind });
  return rows.length;
}

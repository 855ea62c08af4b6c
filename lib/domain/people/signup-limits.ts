import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";

export interface SignupLimits {
  maxPerIp: number;
  windowMinutes: number;
}

/**
 * Sign-up attempts share the login limiter's table (so every web instance counts the same attempts) under an
 * "signup:" prefixed ip that the login checks never match. No email is stored: duplicates are refused anyway,
 * and an erased person's address must not linger here.
 */
const key = (ip: string) => `signup:${ip}`;

export async function isSignupRateLimited(db: Db, ip: string, limits: SignupLimits, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, key(ip)), gt(loginAttempts.at, since)));
  return (row?.n ?? 0) >= limits.maxPerIp;
}

/** Every attempt counts, successful or not: a bot filling the form with fresh addresses is what this stops. */
export async function recordSignupAttempt(db: Db, ip: string, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ email: "", ip: key(ip), at: now });
}

import { and, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";

export interface LoginLimits {
  maxPerAccount: number;
  maxPerIp: number;
  windowMinutes: number;
}

/**
 * Failed logins live in the database, not in memory, so every web instance behind a load balancer counts
 * the same attempts. Counted per email string (whether or not an account exists, so the limit itself does
 * not reveal which emails are registered) and per client IP.
 */
export async function isLoginRateLimited(db: Db, email: string, ip: string, limits: LoginLimits, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const [row] = await db
    .select({
      byAccount: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(and(gt(loginAttempts.at, since), sql`(${loginAttempts.email} = ${email} or ${loginAttempts.ip} = ${ip})`));
  return (row?.byAccount ?? 0) >= limits.maxPerAccount || (row?.byIp ?? 0) >= limits.maxPerIp;
}

export async function recordFailedLogin(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, at: now });
}

/** A successful login (or a password reset) clears the account's failures; the IP's stay until they age out. */
export async function clearFailedLogins(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
}

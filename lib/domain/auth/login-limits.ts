import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { loginAttempts } from "@/lib/db/schema";
import { clearAttempts, clearAttemptsFor, refundAttempt, sourceOf, takeAttempt, type RateKey } from "./rate-limit";

export interface LoginLimits {
  /** Guesses at one account from one network per window. */
  maxPerAccount: number;
  /** Failed logins from one network per window, whatever the accounts. */
  maxPerIp: number;
  windowMinutes: number;
}

const accountFromSource = (email: string, ip: string): RateKey => ({ kind: "login.account_source", subject: email, source: sourceOf(ip) });
const fromSource = (ip: string): RateKey => ({ kind: "login.source", source: sourceOf(ip) });

/**
 * Takes one login attempt BEFORE the password is checked, atomically in the database (every web instance counts
 * the same, and parallel guesses cannot all pass a check that runs before any of them is recorded). Counted per
 * account AND source network, so a stranger's wrong passwords lock out only the stranger's network, never the
 * account's owner elsewhere; and per source across accounts, against spraying. Counted per email string whether
 * or not an account exists, so the limit itself does not reveal which emails are registered.
 */
export async function takeLoginAttempt(db: Db, email: string, ip: string, limits: LoginLimits, now = new Date()): Promise<boolean> {
  const window = limits.windowMinutes;
  const account = await takeAttempt(db, accountFromSource(email, ip), { max: limits.maxPerAccount, windowMinutes: window }, now);
  const source = await takeAttempt(db, fromSource(ip), { max: limits.maxPerIp, windowMinutes: window }, now);
  return account.allowed && source.allowed;
}

/** A failed login stays on record (login_attempts, kept for the retention setting's days). */
export async function recordFailedLogin(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  await db.insert(loginAttempts).values({ email, ip, at: now });
}

/** A right password: the account's attempts from this network (this one and the typos before it) are given back. */
export async function loginSucceeded(db: Db, email: string, ip: string): Promise<void> {
  const attempts = await clearAttempts(db, accountFromSource(email, ip));
  await refundAttempt(db, fromSource(ip), Math.max(attempts, 1));
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
}

/** A password reset clears the account's failures from every network. */
export async function clearFailedLogins(db: Db, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email));
  await clearAttemptsFor(db, [email]);
}

import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, applicantConfirmations, membershipStatuses, people } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { loginSucceeded, recordFailedLogin, takeLoginAttempt, type LoginLimits } from "./login-limits";
import { dummyVerify, verifyPassword } from "./passwords";
import type { Failure, Result } from "../shared/result";

export interface PasswordLogin {
  email: string;
  password: string;
  /** The client address as the web layer saw it; used for the per-IP limit. */
  ip: string;
}

export type LoginFailureCode = "invalid" | "rate_limited" | "not_allowed" | "unconfirmed";
export type LoginResult = Result<{ personId: number; sessionVersion: number }, Failure<LoginFailureCode>>;

const MESSAGES: Record<LoginFailureCode, string> = {
  invalid: "Email or password is wrong.",
  rate_limited: "Too many failed attempts. Please wait a few minutes and try again.",
  not_allowed: "This account may not log in.",
  unconfirmed: "Please confirm your email address first, with the link we mailed you.",
};

const fail = (code: LoginFailureCode): LoginResult => ({ ok: false, code, message: MESSAGES[code] });

export function loginLimitsFromEnv(): LoginLimits {
  const e = env();
  return { maxPerAccount: e.LOGIN_MAX_PER_ACCOUNT, maxPerIp: e.LOGIN_MAX_PER_IP, windowMinutes: e.LOGIN_WINDOW_MINUTES };
}

/**
 * Email + password login. Unknown emails still cost one argon2 verification so response time does not tell
 * which emails have accounts. "not_allowed" is only revealed after the right password was given.
 */
export async function authenticateWithPassword(db: Db, input: PasswordLogin, limits: LoginLimits = loginLimitsFromEnv()): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip || "unknown";
  if (!(await takeLoginAttempt(db, email, ip, limits))) return fail("rate_limited");

  const [row] = await db
    .select({
      accountId: accounts.id,
      personId: accounts.personId,
      passwordHash: accounts.passwordHash,
      disabled: accounts.disabled,
      sessionVersion: accounts.sessionVersion,
      mayLogIn: membershipStatuses.mayLogIn,
      erasedAt: people.erasedAt,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(eq(sql`lower(${accounts.email})`, email));

  const passwordOk = row ? await verifyPassword(row.passwordHash, input.password) : await dummyVerify(input.password);
  if (!row || !passwordOk) {
    await recordFailedLogin(db, email, ip);
    return fail("invalid");
  }
  if (row.disabled && !row.erasedAt && (await awaitsConfirmation(db, row.personId))) return fail("unconfirmed");
  if (row.disabled || !row.mayLogIn || row.erasedAt) return fail("not_allowed");

  await loginSucceeded(db, email, ip);
  await db
    .update(accounts)
    .set({ previousLoginAt: sql`${accounts.lastLoginAt}`, lastLoginAt: new Date() })
    .where(eq(accounts.id, row.accountId));
  return { ok: true, personId: row.personId, sessionVersion: row.sessionVersion };
}

/** An applicant whose login waits for the mailed confirmation link (told so only after the right password). */
async function awaitsConfirmation(db: Db, personId: number): Promise<boolean> {
  const [open] = await db
    .select({ id: applicantConfirmations.id })
    .from(applicantConfirmations)
    .innerJoin(people, eq(people.id, applicantConfirmations.personId))
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .where(
      and(
        eq(applicantConfirmations.personId, personId),
        isNull(applicantConfirmations.confirmedAt),
        isNull(applicantConfirmations.loginEmail),
        eq(membershipStatuses.key, "applicant"),
      ),
    )
    .limit(1);
  return open !== undefined;
}

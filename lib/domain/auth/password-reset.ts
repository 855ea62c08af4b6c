import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { accounts, passwordResetTokens, profiles } from "@/lib/db/schema";
import { isLocale, translator } from "@/lib/i18n/translate";
import type { Mailer } from "../mail/mailer";
import { enqueueBackchannelLogout } from "../oidc/backchannel-logout";
import { publicLink } from "../settings/public-link";
import { inviteByProfileEmail } from "./invitation-send";
import { clearFailedLogins } from "./login-limits";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";
import { newToken, tokenHash } from "../shared/one-time-token";
import type { Failure, Result } from "../shared/result";

export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

/** Only the SHA-256 of a token is stored: a leaked database backup cannot be used to reset passwords. */
export const hashResetToken = tokenHash;

export interface ResetRequest {
  email: string;
}

/**
 * Creates a single-use token and mails the link. Answers the same whether or not the email has an account,
 * so the form cannot be used to find out who is registered. Disabled accounts get no mail. An address that
 * belongs to a person without a login (imported, created by an admin) gets an invitation to set a password.
 */
export async function requestPasswordReset(db: Db, mailer: Mailer, input: ResetRequest, now = new Date()): Promise<{ ok: true }> {
  const email = input.email.trim().toLowerCase();
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, disabled: accounts.disabled, language: profiles.preferredLanguage })
    .from(accounts)
    .leftJoin(profiles, eq(profiles.personId, accounts.personId))
    .where(eq(sql`lower(${accounts.email})`, email));
  if (!account) {
    await inviteByProfileEmail(db, mailer, email, now);
    return { ok: true };
  }
  if (account.disabled) return { ok: true };

  const token = newToken();
  await db.insert(passwordResetTokens).values({
    accountId: account.id,
    tokenHash: hashResetToken(token),
    expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
  });
  const t = translator(account.language && isLocale(account.language) ? account.language : "en");
  await mailer.send({
    to: account.email,
    subject: t("mail.reset.subject"),
    text: t("mail.reset.body", { link: await publicLink(db, `/reset-password/${encodeURIComponent(token)}`), minutes: String(RESET_TOKEN_TTL_MS / 60_000) }),
  });
  return { ok: true };
}

export type ResetFailureCode = "invalid_token" | "weak_password";
export type ResetResult = Result<object, Failure<ResetFailureCode>>;

const invalidToken: ResetResult = { ok: false, code: "invalid_token", message: "This reset link is invalid, expired or already used." };

/** True while the token may still be used: lets the page say "link expired" before the user types a password. */
export async function isResetTokenUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(and(eq(passwordResetTokens.tokenHash, hashResetToken(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)));
  return Boolean(row);
}

/** Sets a new password with a token. The token is claimed atomically, so two concurrent uses cannot both win. */
export async function consumePasswordReset(db: Db, input: { token: string; newPassword: string }, now = new Date()): Promise<ResetResult> {
  if (input.newPassword.length < MIN_PASSWORD_LENGTH) {
    return { ok: false, code: "weak_password", message: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.tokenHash, hashResetToken(input.token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
      .returning({ accountId: passwordResetTokens.accountId });
    if (!claimed) return invalidToken;
    // A new password ends every session: whoever knew the old one is logged out everywhere.
    const [account] = await tx
      .update(accounts)
      .set({ passwordHash, sessionVersion: sql`${accounts.sessionVersion} + 1` })
      .where(eq(accounts.id, claimed.accountId))
      .returning({ email: accounts.email, personId: accounts.personId });
    if (account?.personId) await enqueueBackchannelLogout(tx, account.personId);
    // Any other links sent earlier die with this one.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.accountId, claimed.accountId), isNull(passwordResetTokens.usedAt)));
    if (account) await clearFailedLogins(tx, account.email.toLowerCase());
    return { ok: true } as const;
  });
}

import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { accounts, emailChangeTokens, passwordResetTokens, profiles } from "@/lib/db/schema";
import { isLocale, translator } from "@/lib/i18n/translate";
import { subjectRefusal, type ContainmentCode } from "../access/containment";
import { recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { emailTaken } from "../people/person-service";
import { publicLink } from "../settings/public-link";
import { actorMay } from "../shared/actor-may";
import { verifyPassword } from "./passwords";
import { endAllSessions } from "./sessions";
import { hashResetToken } from "./password-reset";
import { uniqueViolation } from "../shared/db-errors";
import { newToken } from "../shared/one-time-token";
import type { Failure, Result } from "../shared/result";

/**
 * The login email changes only by its owner, through a link mailed to the new address (a notice goes to the old
 * one), or by a system admin. A profile edit never moves it: the profile email is contact data, the login is not.
 */
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;

export type EmailChangeCode =
  "forbidden" | "not_found" | "invalid_email" | "same_email" | "duplicate_email" | "wrong_password" | "invalid_token" | ContainmentCode;
export type EmailChangeResult<T extends object = object> = Result<T, Failure<EmailChangeCode>>;

const MESSAGES: Record<Exclude<EmailChangeCode, ContainmentCode>, string> = {
  forbidden: "You are not allowed to do this.",
  not_found: "This person has no login.",
  invalid_email: "This is not a valid email address.",
  same_email: "This is the login email already.",
  duplicate_email: "This email is already used by another person.",
  wrong_password: "The password is wrong.",
  invalid_token: "This link is invalid, expired or already used.",
};
const fail = (code: Exclude<EmailChangeCode, ContainmentCode>) => ({ ok: false as const, code, message: MESSAGES[code] });

const emailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email());

async function loginOf(db: Db, personId: number) {
  const [row] = await db
    .select({
      id: accounts.id,
      email: accounts.email,
      passwordHash: accounts.passwordHash,
      disabled: accounts.disabled,
      language: profiles.preferredLanguage,
      profileEmail: profiles.email,
    })
    .from(accounts)
    .leftJoin(profiles, eq(profiles.personId, accounts.personId))
    .where(eq(accounts.personId, personId));
  return row ?? null;
}

const translatorFor = (language: string | null) => translator(language && isLocale(language) ? language : "en");

/** A new address that is well-formed, differs from the current one and nobody else uses (profile or login). */
async function checkNewEmail(db: Db, personId: number, current: string, raw: string): Promise<EmailChangeResult<{ email: string }>> {
  const parsed = emailSchema.safeParse(raw);
  if (!parsed.success) return fail("invalid_email");
  const email = parsed.data;
  if (email === current.toLowerCase()) return fail("same_email");
  if (await emailTaken(db, email, personId)) return fail("duplicate_email");
  return { ok: true, email };
}

export interface EmailChangeRequest {
  personId: number;
  newEmail: string;
  /** The current password: a session left open on a shared computer must not be enough to take the login over. */
  password: string;
}

/** The owner asks: a confirmation link to the new address, a notice to the old one; nothing changes yet. */
export async function requestEmailChange(db: Db, mailer: Mailer, input: EmailChangeRequest, now = new Date()): Promise<EmailChangeResult> {
  const login = await loginOf(db, input.personId);
  if (!login || login.disabled) return fail("not_found");
  if (!(await verifyPassword(login.passwordHash, input.password))) return fail("wrong_password");
  const checked = await checkNewEmail(db, input.personId, login.email, input.newEmail);
  if (!checked.ok) return checked;
  const token = newToken();
  await db.transaction(async (tx) => {
    await tx
      .insert(emailChangeTokens)
      .values({ accountId: login.id, newEmail: checked.email, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + EMAIL_CHANGE_TTL_MS) });
    await recordAudit(tx, {
      actorId: input.personId,
      subjectPersonId: input.personId,
      changeType: "account.email_request",
      entity: "account",
      entityId: login.id,
      after: { email: checked.email },
    });
  });
  const t = translatorFor(login.language);
  const hours = String(EMAIL_CHANGE_TTL_MS / 3_600_000);
  await mailer.send({
    to: checked.email,
    subject: t("mail.emailChange.confirm.subject"),
    text: t("mail.emailChange.confirm.body", { link: await publicLink(db, `/email-change/confirm?token=${encodeURIComponent(token)}`), hours }),
  });
  await mailer.send({ to: login.email, subject: t("mail.emailChange.notice.subject"), text: t("mail.emailChange.notice.body", { email: checked.email }) });
  return { ok: true };
}

/** True while the link may still be used: the page says "expired" before anyone presses the button. */
export async function isEmailChangeTokenUsable(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ id: emailChangeTokens.id })
    .from(emailChangeTokens)
    .where(and(eq(emailChangeTokens.tokenHash, hashResetToken(token)), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, now)));
  return Boolean(row);
}

/**
 * Moves the login (and the profile email when it was the same address) to the new address. Pending password
 * reset and email change links die with it: a link mailed to the old address must not win the account back.
 */
async function moveLogin(tx: Db, accountId: number, personId: number, from: string, to: string, now: Date): Promise<void> {
  await tx.update(accounts).set({ email: to }).where(eq(accounts.id, accountId));
  await tx
    .update(profiles)
    .set({ email: to, updatedAt: now })
    .where(and(eq(profiles.personId, personId), sql`(${profiles.email} is null or lower(${profiles.email}) = ${from.toLowerCase()})`));
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.accountId, accountId), isNull(passwordResetTokens.usedAt)));
  await tx
    .update(emailChangeTokens)
    .set({ usedAt: now })
    .where(and(eq(emailChangeTokens.accountId, accountId), isNull(emailChangeTokens.usedAt)));
}

/** The link from the mail was used: the change happens now, once; the token is claimed atomically. */
export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<EmailChangeResult<{ personId: number }>> {
  try {
    return await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(emailChangeTokens)
        .set({ usedAt: now })
        .where(and(eq(emailChangeTokens.tokenHash, hashResetToken(token)), isNull(emailChangeTokens.usedAt), gt(emailChangeTokens.expiresAt, now)))
        .returning({ accountId: emailChangeTokens.accountId, newEmail: emailChangeTokens.newEmail });
      if (!claimed) return fail("invalid_token");
      const [account] = await tx.select().from(accounts).where(eq(accounts.id, claimed.accountId)).for("update");
      if (!account || account.disabled) return fail("invalid_token");
      if (await emailTaken(tx, claimed.newEmail, account.personId)) return fail("duplicate_email");
      await moveLogin(tx, account.id, account.personId, account.email, claimed.newEmail, now);
      await recordAudit(tx, {
        actorId: account.personId,
        subjectPersonId: account.personId,
        changeType: "account.email",
        entity: "account",
        entityId: account.id,
        before: { email: account.email },
        after: { email: claimed.newEmail },
      });
      return { ok: true as const, personId: account.personId };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_email");
    throw error;
  }
}

/**
 * A system admin sets someone's login email directly (the owner lost access to the old address). Never for
 * someone above the admin; both addresses get a notice, and every session of the person ends.
 */
export async function setLoginEmail(
  db: Db,
  mailer: Mailer | null,
  actorId: number,
  personId: number,
  newEmail: string,
  now = new Date(),
): Promise<EmailChangeResult> {
  if (!(await actorMay(db, actorId, "system.admin"))) return fail("forbidden");
  const above = await subjectRefusal(db, actorId, personId);
  if (above) return above;
  const login = await loginOf(db, personId);
  if (!login) return fail("not_found");
  const checked = await checkNewEmail(db, personId, login.email, newEmail);
  if (!checked.ok) return checked;
  try {
    await db.transaction(async (tx) => {
      await moveLogin(tx, login.id, personId, login.email, checked.email, now);
      await endAllSessions(tx, personId);
      await recordAudit(tx, {
        actorId,
        subjectPersonId: personId,
        changeType: "account.email",
        entity: "account",
        entityId: login.id,
        before: { email: login.email },
        after: { email: checked.email },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("duplicate_email");
    throw error;
  }
  if (mailer) {
    const t = translatorFor(login.language);
    for (const to of [login.email, checked.email])
      await mailer.send({ to, subject: t("mail.emailChange.byAdmin.subject"), text: t("mail.emailChange.byAdmin.body", { email: checked.email }) });
  }
  return { ok: true };
}

/** The address a person logs in with, or null when the person has no login. */
export async function loginEmailOf(db: Db, personId: number): Promise<string | null> {
  const [account] = await db.select({ email: accounts.email }).from(accounts).where(eq(accounts.personId, personId));
  return account?.email ?? null;
}

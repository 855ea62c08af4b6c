import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { perDb } from "@/lib/db/prepared";
import { accounts, invitations, membershipStatuses, people, profiles } from "@/lib/db/schema";
import { isLocale, translator } from "@/lib/i18n/translate";
import { subjectRefusal, type ContainmentCode } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { actorMay } from "../shared/actor-may";
import { uniqueViolation } from "../shared/db-errors";
import { publicLink } from "../settings/public-link";
import { takeAttempt } from "./rate-limit";
import { clearFailedLogins } from "./login-limits";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";
import { newToken, tokenHash } from "../shared/one-time-token";
import type { Failure, Result } from "../shared/result";

/*
 * Invitations (issue 15): a person without a login gets one by setting a password through a mailed link. The link
 * is single-use and expires; a newer invitation revokes the older ones. Accepting creates the login with the
 * address the link was mailed to — whoever can read that mailbox is the person, as with a password reset.
 */
export const INVITATION_TTL_DAYS = 14;
/** Only the SHA-256 of a link's token is stored: a leaked backup invites nobody. */
const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;
/** Invitations to one person a day (resend included): nobody floods a mailbox through the person page. */
export const INVITATIONS_PER_PERSON_PER_DAY = 5;

export type InvitationCode =
  | "forbidden"
  | "not_found"
  | "has_login"
  | "no_email"
  | "may_not_log_in"
  | "rate_limited"
  | "invalid_token"
  | "weak_password"
  | "email_taken"
  | "mail_failed"
  | ContainmentCode;
export type InvitationResult<T extends object = object> = Result<T, Failure<InvitationCode>>;

const MESSAGES: Record<Exclude<InvitationCode, ContainmentCode>, string> = {
  forbidden: "You are not allowed to do this.",
  not_found: "No such person.",
  has_login: "This person can log in already.",
  no_email: "This person has no email address to invite.",
  may_not_log_in: "This person's status may not log in.",
  rate_limited: "This person was invited several times today already. Try again tomorrow.",
  invalid_token: "This invitation is invalid, expired or already used.",
  weak_password: `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`,
  email_taken: "This email is already the login of another person.",
  mail_failed: "The mail could not be sent.",
};
const fail = (code: Exclude<InvitationCode, ContainmentCode>) => ({ ok: false as const, code, message: MESSAGES[code] });

/** What the person page shows: a login, a pending invitation (until when), an expired one, or nothing. */
export type LoginState =
  | { kind: "login"; email: string }
  | { kind: "invited"; email: string; sentAt: Date; expiresAt: Date }
  | { kind: "expired"; email: string; sentAt: Date }
  | { kind: "none" };

interface Invitee {
  personId: number;
  email: string | null;
  language: string | null;
  mayLogIn: boolean;
  erased: boolean;
  hasLogin: boolean;
}

async function inviteeOf(db: Db, personId: number): Promise<Invitee | null> {
  const [row] = await db
    .select({
      personId: people.id,
      email: profiles.email,
      language: profiles.preferredLanguage,
      mayLogIn: membershipStatuses.mayLogIn,
      erasedAt: people.erasedAt,
      accountId: accounts.id,
    })
    .from(people)
    .innerJoin(membershipStatuses, eq(membershipStatuses.id, people.statusId))
    .leftJoin(profiles, eq(profiles.personId, people.id))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.id, personId));
  if (!row) return null;
  return {
    personId: row.personId,
    email: row.email?.trim().toLowerCase() || null,
    language: row.language,
    mayLogIn: row.mayLogIn,
    erased: Boolean(row.erasedAt),
    hasLogin: row.accountId !== null,
  };
}

/** Why this person cannot be invited, or null. */
function inviteeProblem(invitee: Invitee | null): Exclude<InvitationCode, ContainmentCode> | null {
  if (!invitee || invitee.erased) return "not_found";
  if (invitee.hasLogin) return "has_login";
  if (!invitee.mayLogIn) return "may_not_log_in";
  if (!invitee.email) return "no_email";
  return null;
}

/**
 * Mails a new invitation (revoking earlier ones). No permission check: for invitePerson, the bulk invitation and
 * the public paths (forgot-password, a fresh link for an expired one), which check what applies to them.
 */
async function sendInvitation(
  db: Db,
  mailer: Mailer,
  invitee: Invitee & { email: string },
  actorId: number | null,
  now: Date,
): Promise<InvitationResult<{ expiresAt: Date }>> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.personId, invitee.personId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
    const [row] = await tx
      .insert(invitations)
      .values({ personId: invitee.personId, email: invitee.email, tokenHash: tokenHash(token), expiresAt, invitedById: actorId, createdAt: now })
      .returning({ id: invitations.id });
    await recordAudit(tx, {
      actorId,
      subjectPersonId: invitee.personId,
      changeType: "person.invitation.send",
      entity: "invitation",
      entityId: row!.id,
      after: { email: invitee.email, expiresAt: expiresAt.toISOString() },
    });
  });
  const t = translator(invitee.language && isLocale(invitee.language) ? invitee.language : "en");
  try {
    await mailer.send({
      to: invitee.email,
      subject: t("mail.invitation.subject"),
      text: t("mail.invitation.body", { link: await publicLink(db, `/invitation/${encodeURIComponent(token)}`), days: INVITATION_TTL_DAYS }),
    });
  } catch {
    // A link nobody received must not stay usable-looking: revoke it, so the person page says "not invited".
    await db
      .update(invitations)
      .set({ revokedAt: now })
      .where(eq(invitations.tokenHash, tokenHash(token)));
    return fail("mail_failed");
  }
  return { ok: true, expiresAt };
}

/** Sends (or resends) an invitation from the person page: members.write, for someone within the actor's view rights and not above them. */
export async function invitePerson(
  db: Db,
  mailer: Mailer,
  actorId: number,
  personId: number,
  now = new Date(),
): Promise<InvitationResult<{ expiresAt: Date }>> {
  if (!(await actorMay(db, actorId, "members.write"))) return fail("forbidden");
  const above = (await outOfViewRefusal(db, actorId, personId)) ?? (await subjectRefusal(db, actorId, personId));
  if (above) return above;
  const invitee = await inviteeOf(db, personId);
  const problem = inviteeProblem(invitee);
  if (problem) return fail(problem);
  const limit = await takeAttempt(
    db,
    { kind: "invite.person", subject: String(personId) },
    { max: INVITATIONS_PER_PERSON_PER_DAY, windowMinutes: 24 * 60 },
    now,
  );
  if (!limit.allowed) return fail("rate_limited");
  return sendInvitation(db, mailer, invitee as Invitee & { email: string }, actorId, now);
}

/** Revokes the person's pending invitation (its link stops working at once). */
export async function revokeInvitation(db: Db, actorId: number, personId: number, now = new Date()): Promise<InvitationResult> {
  if (!(await actorMay(db, actorId, "members.write"))) return fail("forbidden");
  const above = (await outOfViewRefusal(db, actorId, personId)) ?? (await subjectRefusal(db, actorId, personId));
  if (above) return above;
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.personId, personId), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id, email: invitations.email });
    if (revoked.length === 0) return fail("invalid_token");
    await recordAudit(tx, {
      actorId,
      subjectPersonId: personId,
      changeType: "person.invitation.revoke",
      entity: "invitation",
      entityId: revoked[0]!.id,
      before: { email: revoked[0]!.email },
    });
    return { ok: true as const };
  });
}

/** The person page's "can this person log in?" answer. */
const loginStatements = perDb((db) => ({
  account: db
    .select({ email: accounts.email })
    .from(accounts)
    .where(eq(accounts.personId, sql.placeholder("personId")))
    .prepare("login_of"),
  latest: db
    .select()
    .from(invitations)
    .where(and(eq(invitations.personId, sql.placeholder("personId")), isNull(invitations.revokedAt), isNull(invitations.usedAt)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id))
    .limit(1)
    .prepare("latest_invitation"),
}));

export async function loginStateOf(db: Db, personId: number, now = new Date()): Promise<LoginState> {
  // Both asked at once (prepared, one round trip each; the person page asks on every request).
  const statements = loginStatements(db);
  const [[account], [latest]] = await Promise.all([statements.account.execute({ personId }), statements.latest.execute({ personId })]);
  if (account) return { kind: "login", email: account.email };
  if (!latest) return { kind: "none" };
  if (latest.expiresAt > now) return { kind: "invited", email: latest.email, sentAt: latest.createdAt, expiresAt: latest.expiresAt };
  return { kind: "expired", email: latest.email, sentAt: latest.createdAt };
}

/** What the invitation page shows for a token: the form, "expired" (a new link may be asked for), or nothing usable. */
export async function invitationLinkState(db: Db, token: string, now = new Date()): Promise<"usable" | "expired" | "invalid"> {
  const [row] = await db
    .select({ expiresAt: invitations.expiresAt, usedAt: invitations.usedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash(token)));
  if (!row || row.usedAt || row.revokedAt) return "invalid";
  return row.expiresAt > now ? "usable" : "expired";
}

/**
 * Sets the password: claims the invitation atomically (two concurrent uses cannot both win) and creates the login
 * with the invited address. The person's status must still allow logging in.
 */
export async function acceptInvitation(db: Db, input: { token: string; password: string }, now = new Date()): Promise<InvitationResult<{ email: string }>> {
  if (input.password.length < MIN_PASSWORD_LENGTH) return fail("weak_password");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const [claimed] = await tx
        .update(invitations)
        .set({ usedAt: now })
        .where(
          and(eq(invitations.tokenHash, tokenHash(input.token)), isNull(invitations.usedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
        )
        .returning({ id: invitations.id, personId: invitations.personId, email: invitations.email });
      if (!claimed) return fail("invalid_token");
      const invitee = await inviteeOf(tx, claimed.personId);
      if (!invitee || invitee.erased || !invitee.mayLogIn || invitee.hasLogin) return fail("invalid_token");
      const [taken] = await tx
        .select({ id: accounts.id })
        .from(accounts)
        .where(eq(sql`lower(${accounts.email})`, claimed.email));
      if (taken) return fail("email_taken");
      const [account] = await tx.insert(accounts).values({ personId: claimed.personId, email: claimed.email, passwordHash }).returning({ id: accounts.id });
      await tx
        .update(invitations)
        .set({ revokedAt: now })
        .where(and(eq(invitations.personId, claimed.personId), isNull(invitations.usedAt), isNull(invitations.revokedAt)));
      await clearFailedLogins(tx, claimed.email);
      await recordAudit(tx, {
        actorId: claimed.personId,
        subjectPersonId: claimed.personId,
        changeType: "person.invitation.accept",
        entity: "account",
        entityId: account!.id,
        after: { email: claimed.email },
      });
      return { ok: true as const, email: claimed.email };
    });
  } catch (error) {
    if (uniqueViolation(error) !== null) return fail("email_taken");
    throw error;
  }
}

/**
 * The holder of an expired link asks for a new one: mailed to the address the old one went to (never shown), if
 * that person still has no login. The caller rate-limits per address and source; the answer is the same anyway.
 */
export async function renewExpiredInvitation(db: Db, mailer: Mailer, token: string, now = new Date()): Promise<void> {
  const [old] = await db
    .select({ personId: invitations.personId, email: invitations.email, usedAt: invitations.usedAt, revokedAt: invitations.revokedAt })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash(token)));
  if (!old || old.usedAt || old.revokedAt) return;
  const invitee = await inviteeOf(db, old.personId);
  if (inviteeProblem(invitee)) return;
  await sendInvitation(db, mailer, { ...invitee!, email: old.email }, null, now);
}

/**
 * Forgot-password for an address that has no login but belongs to a person who may log in: an invitation instead.
 * true when one was sent. The caller answers the same either way.
 */
export async function inviteByProfileEmail(db: Db, mailer: Mailer, email: string, now = new Date()): Promise<boolean> {
  const address = email.trim().toLowerCase();
  const [row] = await db
    .select({ personId: profiles.personId })
    .from(profiles)
    .where(eq(sql`lower(${profiles.email})`, address))
    .limit(1);
  if (!row) return false;
  const invitee = await inviteeOf(db, row.personId);
  if (inviteeProblem(invitee)) return false;
  const result = await sendInvitation(db, mailer, invitee as Invitee & { email: string }, null, now);
  return result.ok;
}

/** For the bulk invitation: the one mail to one person, after the caller checked the actor once. */
export async function inviteOne(db: Db, mailer: Mailer, actorId: number, personId: number, now = new Date()): Promise<InvitationResult> {
  const invitee = await inviteeOf(db, personId);
  const problem = inviteeProblem(invitee);
  if (problem) return fail(problem);
  return sendInvitation(db, mailer, invitee as Invitee & { email: string }, actorId, now);
}

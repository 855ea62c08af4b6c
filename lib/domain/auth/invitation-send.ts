import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { invitations, profiles } from "@/lib/db/schema";
import { isLocale, translator } from "@/lib/i18n/translate";
import { subjectRefusal } from "../access/containment";
import { outOfViewRefusal } from "../access/view-rights";
import { recordAudit } from "../audit/record-audit";
import type { Mailer } from "../mail/mailer";
import { actorMay } from "../shared/actor-may";
import { publicLink } from "../settings/public-link";
import { newToken, tokenHash } from "../shared/one-time-token";
import { invitationFailure as fail, inviteeOf, inviteeProblem, type Invitee, type InvitationResult } from "./invitation-invitee";
import { takeAttempt } from "./rate-limit";

/*
 * Sending invitations (see invitation-invitee.ts): from the person page, the bulk invitation, forgot-password for a
 * person without a login, and a fresh link for an expired one. Each mail holds a new single-use token, linked from
 * the space's saved public address; only the SHA-256 of a token is stored, so a leaked backup invites nobody.
 */
export const INVITATION_TTL_DAYS = 14;
const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;
/** Invitations to one person a day (resend included): nobody floods a mailbox through the person page. */
export const INVITATIONS_PER_PERSON_PER_DAY = 5;

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

/**
 * The holder of an expired link asks for a new one: mailed to the address the old one went to (never shown), if
 * that person still has no login. The caller rate-limits per address and source; the answer is the same anyway.
 */
export async function renewExpiredInvitation(db: Db, mailer: Mailer, token: string, now = new Date()): Promise<void> {
  const [old] = await db
    .select({
      personId: invitations.personId,
      email: invitations.email,
      usedAt: invitations.usedAt,
      revokedAt: invitations.revokedAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .where(eq(invitations.tokenHash, tokenHash(token)));
  // Only an expired link, and only to an address that is still the person's (see acceptInvitation).
  if (!old || old.usedAt || old.revokedAt || old.expiresAt > now) return;
  const invitee = await inviteeOf(db, old.personId);
  if (inviteeProblem(invitee) || invitee!.email !== old.email) return;
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
